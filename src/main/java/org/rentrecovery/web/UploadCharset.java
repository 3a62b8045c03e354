package org.rentrecovery.web;

import java.nio.charset.Charset;

import org.rentrecovery.contract.InvalidRequestException;
import org.rentrecovery.portfolio.CaseSource;

/** The charset an uploaded portfolio's {@code Content-Type} names for its CSV; a charset it cannot be read in is a 400. */
final class UploadCharset {
    private UploadCharset() {
    }

    static Charset of(String contentType) {
        try {
            return CaseSource.csvCharset(contentType);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("Content-Type", e.getMessage());
        }
    }
}
