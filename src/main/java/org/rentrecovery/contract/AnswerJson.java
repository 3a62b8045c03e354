package org.rentrecovery.contract;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;

/**
 * Writes answers the same JSON, byte for byte, as the service's own mapper writes, but reading each property
 * through an accessor generated once (Blackbird, and RecordComponentWriters for the components Blackbird would read by
 * reflection) rather than by reflection, which was about 40% of writing a 6 KB
 * answer in a portfolio run's profile (docs/benchmarks.md). The decision audit writes every recorded answer with it
 * (the HTTP layer serves those very bytes), portfolio runs and the batch endpoint each of theirs. Only writing goes
 * through it: reading cases stays with the service's strict mapper, whose coercion rules Blackbird's readers would
 * not all keep. One for the service, so the accessors are generated once.
 */
@Singleton
public final class AnswerJson {
    /**
     * Where each thread writes an answer before it is copied out at its exact length. Jackson's own
     * {@code writeValueAsBytes} grows a chain of blocks per answer and then joins them, a second 7-10 KB of garbage
     * for every decision besides the answer's own bytes; the generator writes the same bytes to any stream.
     */
    private static final ThreadLocal<AnswerBuffer> BUFFERS = ThreadLocal.withInitial(AnswerBuffer::new);

    private final ObjectMapper mapper;
    private final ObjectWriter writer;

    @Inject
    public AnswerJson(ObjectMapper serviceMapper) {
        // Jackson asks the modifier registered last first: the records' object-valued components get their generated
        // accessors (RecordComponentWriters) before Blackbird, which leaves writers it did not make alone, takes the rest.
        this.mapper = serviceMapper.copy().registerModule(new BlackbirdModule())
                .registerModule(new SimpleModule("record-component-writers").setSerializerModifier(new RecordComponentWriters()));
        this.writer = mapper.writer();
    }

    /** The mapper behind the writer, for tests that look at the property writers it builds. */
    ObjectMapper mapper() {
        return mapper;
    }

    /** The answer as UTF-8 JSON. */
    public byte[] writeBytes(Object answer) throws JsonProcessingException {
        AnswerBuffer buffer = BUFFERS.get();
        buffer.count = 0;
        try {
            writer.writeValue(buffer, answer);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e); // the buffer itself never throws
        }
        byte[] json = Arrays.copyOf(buffer.bytes, buffer.count);
        buffer.release();
        return json;
    }

    /** A growable array kept by one thread; a rare large answer does not keep its array. */
    private static final class AnswerBuffer extends OutputStream {
        private static final int KEPT = 32 * 1024;
        private byte[] bytes = new byte[16 * 1024];
        private int count;

        @Override
        public void write(int b) {
            ensure(1);
            bytes[count++] = (byte) b;
        }

        @Override
        public void write(byte[] from, int offset, int length) {
            ensure(length);
            System.arraycopy(from, offset, bytes, count, length);
            count += length;
        }

        private void ensure(int more) {
            if (count + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
            }
        }

        void release() {
            if (bytes.length > KEPT) {
                bytes = new byte[16 * 1024];
            }
        }
    }
}
