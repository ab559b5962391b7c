package org.divergence.exchange.repositories;

import dev.hardwood.metadata.LogicalType;
import dev.hardwood.metadata.PhysicalType;
import dev.hardwood.reader.ColumnReader;
import dev.hardwood.reader.ColumnReaders;
import dev.hardwood.reader.LayerKind;
import dev.hardwood.reader.Validity;
import dev.hardwood.schema.ColumnSchema;
import dev.hardwood.schema.FileSchema;
import dev.hardwood.schema.SchemaNode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.divergence.core.repositories.BaseModels;
import org.divergence.core.repositories.RowProblem;

/**
 * One top-level field of a Parquet file as the import reads it, batch by batch through Hardwood's column API. A
 * row's value is a plain Java value: {@link String}, {@link Long} (any integer type), {@link Double},
 * {@link Boolean}, {@link Instant} (timestamps), {@link LocalDate}, a {@link List} of those (lists of primitives), or
 * {@link BaseModels} (the Hub's {@code baseModels} struct); null when the value is null. Other shapes (structs, maps,
 * lists of structs, decimals, INT96) are not read.
 */
abstract sealed class ParquetField {

    /** A list longer than this in one row is refused (the row's values must stay small). */
    static final int MAX_LIST_ELEMENTS = 100_000;

    private final String name;

    ParquetField(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** Takes the current batch's values (after {@link ColumnReaders#nextBatch}). */
    abstract void load();

    /** The value in row {@code row} of the batch, or null; a value that fits no canonical use throws a problem. */
    abstract Object value(int row);

    /**
     * Writes the value in row {@code row} as the JSON the extras keep of it ({@link ParquetValues#plain} of
     * {@link #value}, without making it): returns false, having written nothing, when it is null.
     */
    abstract boolean writeJson(int row, ExtraJsonWriter out);

    /**
     * The field as the import can read it, or empty for shapes it does not read. {@code readers} is the projection's
     * column readers; the field's leaf columns must be in it.
     */
    static Optional<ParquetField> of(SchemaNode node, FileSchema schema, ColumnReaders readers) {
        if (node instanceof SchemaNode.PrimitiveNode primitive) {
            return scalarKind(primitive.type(), primitive.logicalType())
                    .map(kind -> new Scalar(node.name(), readers.getColumnReader(node.name()), kind));
        }
        SchemaNode.GroupNode group = (SchemaNode.GroupNode) node;
        List<ColumnSchema> leaves = leaves(schema, node.name());
        if (group.isList() && leaves.size() == 1 && group.getListElement() instanceof SchemaNode.PrimitiveNode element) {
            return scalarKind(element.type(), element.logicalType()).map(kind -> new ScalarList(node.name(),
                    readers.getColumnReader(path(leaves.getFirst())), kind));
        }
        return Optional.empty();
    }

    /** Whether the node is a struct the Hub writes as {@code baseModels}: {relation: string, models: [{id}]}. */
    static boolean isBaseModelsShape(SchemaNode node) {
        if (!(node instanceof SchemaNode.GroupNode group) || !group.isStruct()) {
            return false;
        }
        SchemaNode relation = child(group, "relation");
        SchemaNode models = child(group, "models");
        return relation instanceof SchemaNode.PrimitiveNode text && isText(text.type(), text.logicalType())
                && models instanceof SchemaNode.GroupNode list && list.isList()
                && list.getListElement() instanceof SchemaNode.GroupNode element && element.isStruct()
                && child(element, "id") instanceof SchemaNode.PrimitiveNode id && isText(id.type(), id.logicalType());
    }

    static ParquetField baseModels(SchemaNode node, FileSchema schema, ColumnReaders readers) {
        ColumnSchema relation = null;
        ColumnSchema id = null;
        for (ColumnSchema leaf : leaves(schema, node.name())) {
            List<String> elements = leaf.fieldPath().elements();
            if (elements.size() == 2 && elements.get(1).equals("relation")) {
                relation = leaf;
            } else if (elements.get(1).equals("models") && elements.getLast().equals("id")) {
                id = leaf;
            }
        }
        return new BaseModelsStruct(node.name(), readers.getColumnReader(path(relation)),
                readers.getColumnReader(path(id)));
    }

    private static SchemaNode child(SchemaNode.GroupNode group, String name) {
        return group.children().stream().filter(node -> node.name().equals(name)).findFirst().orElse(null);
    }

    private static List<ColumnSchema> leaves(FileSchema schema, String topLevel) {
        return schema.getColumns().stream().filter(c -> c.fieldPath().topLevelName().equals(topLevel)).toList();
    }

    private static String path(ColumnSchema column) {
        return String.join(".", column.fieldPath().elements());
    }

    /** How a primitive column's values become Java values. */
    enum Kind { TEXT, SIGNED, UNSIGNED, REAL, BOOLEAN, TIMESTAMP, DATE }

    private static boolean isText(PhysicalType type, LogicalType logical) {
        return type == PhysicalType.BYTE_ARRAY && (logical == null || logical instanceof LogicalType.StringType
                || logical instanceof LogicalType.EnumType || logical instanceof LogicalType.JsonType);
    }

    private static Optional<Kind> scalarKind(PhysicalType type, LogicalType logical) {
        if (isText(type, logical)) {
            return Optional.of(Kind.TEXT);
        }
        return Optional.ofNullable(switch (type) {
            case INT32 -> logical instanceof LogicalType.DateType ? Kind.DATE
                    : logical == null || logical instanceof LogicalType.IntType i && i.isSigned() ? Kind.SIGNED
                    : logical instanceof LogicalType.IntType ? Kind.UNSIGNED : null;
            case INT64 -> logical instanceof LogicalType.TimestampType ? Kind.TIMESTAMP
                    : logical == null || logical instanceof LogicalType.IntType i && i.isSigned() ? Kind.SIGNED
                    : logical instanceof LogicalType.IntType ? Kind.UNSIGNED : null;
            case FLOAT, DOUBLE -> logical == null ? Kind.REAL : null;
            case BOOLEAN -> Kind.BOOLEAN;
            default -> null;
        });
    }

    /**
     * The values of one primitive leaf column in the current batch, by value index. Text is taken from the reader
     * only when asked for, as Java strings or as UTF-8 bytes: extras are written from the bytes, and a column read
     * only for them makes no strings at all.
     */
    private static final class Values {
        private final ColumnReader reader;
        private final Kind kind;
        private final LogicalType.TimeUnit unit;
        private Object array;
        private String[] strings;
        private byte[] bytes;
        private int[] offsets;
        private Validity validity;

        Values(ColumnReader reader, Kind kind) {
            this.reader = reader;
            this.kind = kind;
            this.unit = reader.getColumnSchema().logicalType() instanceof LogicalType.TimestampType t ? t.unit() : null;
        }

        void load() {
            PhysicalType physical = reader.getColumnSchema().type();
            validity = reader.getLeafValidity();
            strings = null;
            bytes = null;
            offsets = null;
            array = switch (kind) {
                case TEXT -> null;
                case SIGNED, UNSIGNED, DATE -> physical == PhysicalType.INT32 ? reader.getInts() : reader.getLongs();
                case TIMESTAMP -> reader.getLongs();
                case REAL -> physical == PhysicalType.FLOAT ? reader.getFloats() : reader.getDoubles();
                case BOOLEAN -> reader.getBooleans();
            };
        }

        String[] strings() {
            if (strings == null) {
                strings = reader.getStrings();
            }
            return strings;
        }

        Object get(int index, String field) {
            if (validity.isNull(index)) {
                return null;
            }
            return switch (kind) {
                case TEXT -> strings()[index];
                case SIGNED -> array instanceof int[] ints ? (long) ints[index] : ((long[]) array)[index];
                case UNSIGNED -> {
                    if (array instanceof int[] ints) {
                        yield Integer.toUnsignedLong(ints[index]);
                    }
                    long value = ((long[]) array)[index];
                    if (value < 0) {
                        throw new RowProblem(field, Long.toUnsignedString(value) + " is too large for a count");
                    }
                    yield value;
                }
                case DATE -> LocalDate.ofEpochDay(((int[]) array)[index]);
                case TIMESTAMP -> {
                    long value = ((long[]) array)[index];
                    yield switch (unit) {
                        case MILLIS -> Instant.ofEpochMilli(value);
                        case MICROS -> Instant.EPOCH.plus(value, ChronoUnit.MICROS);
                        case NANOS -> Instant.EPOCH.plusNanos(value);
                    };
                }
                case REAL -> array instanceof float[] floats ? (double) floats[index] : ((double[]) array)[index];
                case BOOLEAN -> ((boolean[]) array)[index];
            };
        }

        /** Writes the value at {@code index} as JSON, as {@link #get} would give it; false when it is null. */
        boolean write(int index, String field, ExtraJsonWriter out) {
            if (validity.isNull(index)) {
                return false;
            }
            switch (kind) {
                case TEXT -> {
                    if (bytes == null) {
                        bytes = reader.getBinaryValues();
                        offsets = reader.getBinaryOffsets();
                    }
                    out.text(bytes, offsets[index], offsets[index + 1]);
                }
                case SIGNED -> out.number(array instanceof int[] ints ? ints[index] : ((long[]) array)[index]);
                case UNSIGNED -> out.number((Long) get(index, field));
                case DATE, TIMESTAMP -> out.text(get(index, field).toString());
                case REAL -> out.number(array instanceof float[] floats ? (double) floats[index]
                        : ((double[]) array)[index]);
                case BOOLEAN -> out.bool(((boolean[]) array)[index]);
            }
            return true;
        }
    }

    /** A top-level primitive column. */
    static final class Scalar extends ParquetField {
        private final Values values;

        Scalar(String name, ColumnReader reader, Kind kind) {
            super(name);
            this.values = new Values(reader, kind);
        }

        @Override
        void load() {
            values.load();
        }

        @Override
        Object value(int row) {
            return values.get(row, name());
        }

        @Override
        boolean writeJson(int row, ExtraJsonWriter out) {
            return values.write(row, name(), out);
        }
    }

    /** A list of primitives (e.g. the Hub's {@code tags}); null elements are left out. */
    static final class ScalarList extends ParquetField {
        private final ColumnReader reader;
        private final Values values;
        private int[] offsets;
        private Validity lists;

        ScalarList(String name, ColumnReader reader, Kind kind) {
            super(name);
            this.reader = reader;
            this.values = new Values(reader, kind);
        }

        @Override
        void load() {
            values.load();
            offsets = reader.getLayerOffsets(0);
            lists = reader.getLayerValidity(0);
        }

        @Override
        Object value(int row) {
            if (lists.isNull(row)) {
                return null;
            }
            int from = offsets[row];
            int to = offsets[row + 1];
            checkLength(from, to);
            if (values.kind == Kind.TEXT && noNulls(values.validity.nextNull(from, to), to)) {
                String[] strings = values.strings();
                // The common case (tags): text without null elements, one copy.
                return List.of(Arrays.copyOfRange(strings, from, to));
            }
            List<Object> list = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                Object element = values.get(i, name());
                if (element != null) {
                    list.add(element);
                }
            }
            return Collections.unmodifiableList(list);
        }

        @Override
        boolean writeJson(int row, ExtraJsonWriter out) {
            if (lists.isNull(row)) {
                return false;
            }
            int from = offsets[row];
            int to = offsets[row + 1];
            checkLength(from, to);
            out.beginList();
            for (int i = from; i < to; i++) {
                values.write(i, name(), out);
            }
            out.endList();
            return true;
        }

        private void checkLength(int from, int to) {
            if (to - from > MAX_LIST_ELEMENTS) {
                throw new RowProblem(name(), String.format("holds %,d elements; this import reads lists of at most"
                        + " %,d", to - from, MAX_LIST_ELEMENTS));
            }
        }
    }

    /** Whether {@link Validity#nextNull} found no null before {@code to} (it answers -1 or {@code to} then). */
    private static boolean noNulls(int nextNull, int to) {
        return nextNull < 0 || nextNull >= to;
    }

    /** The Hub's {@code baseModels}: {@code {relation: string, models: list<struct{id: string}>}}, possibly null. */
    static final class BaseModelsStruct extends ParquetField {
        private final ColumnReader relation;
        private final ColumnReader ids;
        private final int modelsLayer;
        private Validity present;
        private String[] relations;
        private String[] idValues;
        private int[] offsets;
        private Validity lists;

        BaseModelsStruct(String name, ColumnReader relation, ColumnReader ids) {
            super(name);
            this.relation = relation;
            this.ids = ids;
            int layer = 0;
            while (layer < ids.getLayerCount() && ids.getLayerKind(layer) != LayerKind.REPEATED) {
                layer++;
            }
            this.modelsLayer = layer;
        }

        @Override
        void load() {
            present = relation.getLayerValidity(0);
            relations = relation.getStrings();
            idValues = ids.getStrings();
            offsets = ids.getLayerOffsets(modelsLayer);
            lists = ids.getLayerValidity(modelsLayer);
        }

        @Override
        Object value(int row) {
            if (present.isNull(row)) {
                return null;
            }
            if (lists.isNull(row)) {
                return new BaseModels(relations[row], List.of());
            }
            int from = offsets[row];
            int to = offsets[row + 1];
            if (to - from > MAX_LIST_ELEMENTS) {
                throw new RowProblem(name(), String.format("names %,d models; this import reads at most %,d",
                        to - from, MAX_LIST_ELEMENTS));
            }
            String[] models = Arrays.copyOfRange(idValues, from, to);
            for (String model : models) {
                if (model == null) {
                    return new BaseModels(relations[row], Arrays.stream(models).filter(Objects::nonNull).toList());
                }
            }
            return new BaseModels(relations[row], List.of(models));
        }

        /** As the extras keep it: the ids of the base models. */
        @Override
        boolean writeJson(int row, ExtraJsonWriter out) {
            if (!(value(row) instanceof BaseModels base)) {
                return false;
            }
            out.beginList();
            base.models().forEach(out::text);
            out.endList();
            return true;
        }
    }
}
