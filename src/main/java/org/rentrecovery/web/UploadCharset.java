package org.rentrecovery.web;

import java.nio.charset.Charset;

import org.rentrecovery.contract.InvalidRequestException;
import org.rentrecovery.portfolio.CaseSource;

/**
 * The charset an uploaded portfolio's {@code Content-Type} names for its CSV; a charset it cannot be read in is a 400.
 * NDJSON is UTF-8 whatever the header says, as JSON is (RFC 8259 section 8.1): its bytes are checked as they are read.
 */
final class UploadCharset {
    private UploadCharset() {
    }

    static Charset of(CaseSource.Format format, String contentType) {
        if (format != CaseSource.Format.CSV) {
            return java.nio.charset.StandardCharsets.UTF_8;
        }
        try {
            return CaseSource.csvCharset(contentType);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Content-Type", e.getMessage());
        }
    }
}
