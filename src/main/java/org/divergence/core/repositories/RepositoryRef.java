package org.divergence.core.repositories;

import java.util.Locale;
import java.util.Objects;
import org.divergence.core.common.InvalidInputException;

/**
 * A repository named in text: {@code github:OWNER/NAME} or {@code huggingface:TYPE:OWNER/NAME} (TYPE = model,
 * dataset or space). On Hugging Face a model, a dataset and a space may share one id, so the type is part of the
 * name; {@code huggingface:OWNER/NAME} (no type) is accepted where the project holds only one repository of that id,
 * and then {@link #type()} is null until it is resolved.
 */
public record RepositoryRef(Platform platform, RepoType type, String fullName) {

    public RepositoryRef {
        Objects.requireNonNull(platform);
        Objects.requireNonNull(fullName);
        if (platform == Platform.GITHUB) {
            type = RepoType.CODE;
        }
        if (type != null && type.platform() != platform) {
            throw new IllegalArgumentException(type + " is not a " + platform + " repository type");
        }
    }

    public static RepositoryRef of(RepoType type, String fullName) {
        return new RepositoryRef(type.platform(), type, fullName);
    }

    public static RepositoryRef of(RepositoryRow row) {
        return new RepositoryRef(row.platform(), row.type(), row.fullName());
    }

    /** Whether the type is known (always on GitHub; on Hugging Face when the text named it). */
    public boolean isTyped() {
        return type != null;
    }

    public RepositoryRef withType(RepoType value) {
        return new RepositoryRef(platform, value, fullName);
    }

    /**
     * Reads the text form. Hugging Face ids without a type come back untyped; anything else that is not one of the
     * two forms is invalid input that shows both.
     */
    public static RepositoryRef parse(String text) {
        String reference = text == null ? "" : text.strip();
        int colon = reference.indexOf(':');
        Platform platform = colon < 0 ? null
                : Platform.ofCode(reference.substring(0, colon).toLowerCase(Locale.ROOT)).orElse(null);
        if (platform == null) {
            throw malformed(reference);
        }
        String rest = reference.substring(colon + 1);
        RepoType type = null;
        int second = rest.indexOf(':');
        if (second >= 0) {
            type = RepoType.ofCode(rest.substring(0, second).toLowerCase(Locale.ROOT))
                    .filter(candidate -> candidate.platform() == platform).orElse(null);
            if (type == null || platform == Platform.GITHUB) {
                throw malformed(reference);
            }
            rest = rest.substring(second + 1);
        }
        try {
            return new RepositoryRef(platform, type, CanonicalValues.fullName(rest, platform));
        } catch (RowProblem problem) {
            throw new InvalidInputException("'" + reference + "': the name " + problem.detail());
        }
    }

    private static InvalidInputException malformed(String reference) {
        return new InvalidInputException("'" + reference + "' is not a repository; write github:OWNER/NAME or"
                + " huggingface:TYPE:OWNER/NAME with TYPE model, dataset or space (e.g. github:pallets/flask,"
                + " huggingface:model:openai/whisper-large-v3)");
    }

    /** The text form: {@code github:OWNER/NAME}, {@code huggingface:TYPE:OWNER/NAME} (untyped: without TYPE). */
    @Override
    public String toString() {
        if (platform == Platform.GITHUB || type == null) {
            return platform.code() + ":" + fullName;
        }
        return platform.code() + ":" + type.code() + ":" + fullName;
    }

    /** The message for an untyped Hugging Face id the project holds as several types. */
    public InvalidInputException ambiguous(java.util.Collection<RepoType> types) {
        return new InvalidInputException("'" + this + "' is ambiguous: the project holds it as "
                + String.join(" and ", types.stream().map(RepoType::code).toList()) + "; write "
                + String.join(" or ", types.stream().map(candidate -> withType(candidate).toString()).toList()));
    }
}
