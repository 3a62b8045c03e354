package org.rentrecovery.audit;

/**
 * One payload being written ({@link AuditPayload}): the bytes written as they are (the format's number and flags), then
 * the text given in pieces, each already UTF-8, compressed as if it had been one array. Taken from a pool per format
 * and level, and given back after the payload, whole or not.
 */
interface PayloadCompressor {

    /** A byte written as it is, before the compressed text: the format's number, then its flags. */
    void header(int value);

    /** The next piece of the text. */
    void add(byte[] bytes, int offset, int count);

    default void add(byte[] bytes) {
        add(bytes, 0, bytes.length);
    }

    /** The whole payload: the bytes written as they are, then the compressed text. */
    byte[] finish();

    /** Back to its pool when it finished its payload; released otherwise, or when the pool is full. */
    void giveBack(boolean finishedPayload);
}
