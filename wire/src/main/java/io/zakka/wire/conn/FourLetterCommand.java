package io.zakka.wire.conn;

import akka.actor.typed.javadsl.ActorContext;
import io.zakka.wire.codec.FrameDecoder;
import io.zakka.wire.fourletter.FourLetterWords;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * A connection whose first four bytes spell a four-letter word instead of starting a ConnectRequest frame: it
 * gets the word's plain-text answer and is closed. An answer that needs the server's status waits for it
 * ({@link ConnectionActor.StatusReady}); a known word that is not whitelisted is refused at once.
 */
final class FourLetterCommand {

    private final ConnectionContext ctx;
    private final ActorContext<ConnectionActor.Command> context;
    private final ConnectionStats stats;
    private final ConnectionOutput output;
    /** Ends the connection; a null reason is an orderly close. */
    private final Consumer<String> close;

    FourLetterCommand(ConnectionContext ctx, ActorContext<ConnectionActor.Command> context, ConnectionStats stats,
                      ConnectionOutput output, Consumer<String> close) {
        this.ctx = ctx;
        this.context = context;
        this.stats = stats;
        this.output = output;
        this.close = close;
    }

    /**
     * Starts answering when the input begins with a known word; false when it does not (or not yet four bytes
     * have arrived), and the input is then read as frames.
     */
    boolean start(FrameDecoder frames) {
        OptionalInt first = frames.peekInt();
        if (first.isEmpty()) {
            return false;
        }
        Optional<String> word = FourLetterWords.word(first.getAsInt());
        if (word.isEmpty()) {
            return false;
        }
        stats.received(0);
        ctx.connections().countReceived();
        if (!FourLetterWords.allowed(word.get(), ctx.settings().fourLetterWords())) {
            output.text(FourLetterWords.notWhitelisted(word.get()));
            close.accept(null);
        } else {
            context.pipeToSelf(ctx.status(),
                    (status, failure) -> new ConnectionActor.StatusReady(word.get(), status, failure));
        }
        return true;
    }

    /** Writes the answer once the server's status is known, then closes. */
    void answer(ConnectionActor.StatusReady ready) {
        if (ready.failure() != null) {
            close.accept("four-letter word " + ready.word() + " failed: " + ready.failure());
            return;
        }
        output.text(FourLetterWords.answer(ready.word(), ctx.view(ready.status())));
        close.accept(null);
    }
}
