package org.divergence.exchange.repositories;

import java.util.List;
import java.util.Map;

/**
 * The column mappings of an import, by the header they were made for (the file's column names, in order), with
 * one that applies to any other header (the command line's {@code --map}).
 */
public record ColumnMappings(Map<List<String>, ColumnMapping> byHeader, ColumnMapping otherwise) {

    public static final ColumnMappings NONE = new ColumnMappings(Map.of(), ColumnMapping.NONE);

    public ColumnMappings {
        byHeader = Map.copyOf(byHeader);
    }

    public ColumnMapping forHeader(List<String> header) {
        return byHeader.getOrDefault(header, otherwise);
    }
}
