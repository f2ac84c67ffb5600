package io.zakka.protocol;

/** An identity in an ACL or an authenticated session: a scheme (world, auth, digest, ip, super) and an id. */
public record Id(String scheme, String id) {

    public static final Id ANYONE = new Id("world", "anyone");
    /** In an ACL: replaced at set time by every id the caller is authenticated as. */
    public static final Id AUTH_IDS = new Id("auth", "");

    public Id {
        if (scheme == null || id == null) {
            throw new IllegalArgumentException("scheme and id must not be null");
        }
    }

    @Override
    public String toString() {
        return scheme + ":" + id;
    }
}
