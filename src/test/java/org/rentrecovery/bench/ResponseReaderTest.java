package org.rentrecovery.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Where an HTTP/1.1 response ends, however its bytes are split across reads. */
class ResponseReaderTest {
    private static final String WITH_LENGTH = "HTTP/1.1 200 OK\r\ncontent-length: 21\r\nContent-Type: application/json\r\n\r\n"
            + "{\"step\":\"SERVE_NOSP\"}";
    private static final String CHUNKED = "HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n1a\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nX-Trailer: 1\r\n\r\n";

    private static ByteBuffer bytes(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void aResponseEndsAfterItsBodyWhereverTheReadsSplitIt() throws IOException {
        assertEveryTwoPieceSplitEndsAtTheEnd(WITH_LENGTH, 200);
        assertEveryTwoPieceSplitEndsAtTheEnd(CHUNKED, 503);
    }

    private static void assertEveryTwoPieceSplitEndsAtTheEnd(String response, int status) throws IOException {
        for (int split = 1; split < response.length(); split++) {
            ResponseReader reader = new ResponseReader();
            assertThat(reader.read(bytes(response.substring(0, split)))).as("first %d bytes", split).isZero();
            assertThat(reader.read(bytes(response.substring(split)))).as("the rest after %d", split).isEqualTo(status);
        }
    }

    @Test
    void byteByByteTheStatusComesOnlyWithTheLastByte() throws IOException {
        ResponseReader reader = new ResponseReader();
        byte[] all = CHUNKED.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < all.length - 1; i++) {
            assertThat(reader.read(ByteBuffer.wrap(all, i, 1))).as("byte %d", i).isZero();
        }
        assertThat(reader.read(ByteBuffer.wrap(all, all.length - 1, 1))).isEqualTo(503);
    }

    @Test
    void twoResponsesInOneReadAreReadOneAtATime() throws IOException {
        ResponseReader reader = new ResponseReader();
        ByteBuffer both = bytes(CHUNKED + WITH_LENGTH);

        assertThat(reader.read(both)).isEqualTo(503);
        assertThat(both.remaining()).isEqualTo(WITH_LENGTH.length());
        assertThat(reader.read(both)).isEqualTo(200);
        assertThat(both.hasRemaining()).isFalse();
    }

    @Test
    void aResponseWithoutLengthOrChunksHasNoBodyAndCloseIsNoted() throws IOException {
        ResponseReader reader = new ResponseReader();

        assertThat(reader.read(bytes("HTTP/1.1 204 No Content\r\nCONNECTION: Close\r\n\r\n"))).isEqualTo(204);
        assertThat(reader.closeAfter()).isTrue();
        assertThat(reader.read(bytes(WITH_LENGTH))).isEqualTo(200);
        assertThat(reader.closeAfter()).isFalse();
    }

    @Test
    void headerNamesInAnyCaseAndValuesWithSpacesAroundThemAreUnderstood() throws IOException {
        ResponseReader reader = new ResponseReader();
        ByteBuffer both = bytes("HTTP/1.1 200 OK\r\nCONTENT-LENGTH:   3 \r\nX-Content-Length: 99\r\n\r\nabc"
                + "HTTP/1.1 201 Created\r\ntransfer-encoding: gzip, Chunked\r\nConnection : keep-alive, CLOSE\r\n\r\n"
                + " 2 \r\nok\r\n0\r\n\r\n");

        assertThat(reader.read(both)).isEqualTo(200);
        assertThat(reader.closeAfter()).isFalse();
        assertThat(reader.read(both)).isEqualTo(201);
        assertThat(reader.closeAfter()).isTrue();
        assertThat(both.hasRemaining()).isFalse();
    }

    @Test
    void aHeaderWhoseNameOnlyStartsLikeOneThatMattersIsIgnored() throws IOException {
        ResponseReader reader = new ResponseReader();

        assertThat(reader.read(bytes("HTTP/1.1 200 OK\r\nConnection-Hint: close\r\nContent-Lengthy: 7\r\n\r\n"))).isEqualTo(200);
        assertThat(reader.closeAfter()).isFalse();
    }

    @Test
    void whatIsNotAnHttpResponseIsAnError() {
        assertThatThrownBy(() -> new ResponseReader().read(bytes("SSH-2.0-OpenSSH\r\n"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new ResponseReader().read(bytes("HTTP/1.1 200 OK\r\ncontent-length: many\r\n\r\n")))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new ResponseReader().read(bytes("HTTP/1.1 200 OK\r\n" + "x".repeat(9_000))))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new ResponseReader().read(bytes("HTTP/1.1 2x0 OK\r\n\r\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("2x0");
        assertThatThrownBy(() -> new ResponseReader().read(bytes("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n")))
                .isInstanceOf(IOException.class).hasMessageContaining("no colon here");
        assertThatThrownBy(() -> new ResponseReader().read(bytes(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> new ResponseReader().read(bytes("HTTP/1.1 200 OK\r\nContent-Length: \r\n\r\n")))
                .isInstanceOf(IOException.class);
    }
}
