package io.zakka.storage.txnlog;

import java.io.IOException;

/**
 * The log holds data that recovery cannot trust and will not silently drop: a corrupt record that is not
 * the torn tail of the newest segment, a segment missing from the zxid chain, a segment that is not ours.
 * The message says where and what an operator can do.
 */
public class CorruptLogException extends IOException {
    private static final long serialVersionUID = 1L;

    public CorruptLogException(String message) {
        super(message);
    }
}
