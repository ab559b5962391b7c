package org.divergence.exchange.clickhouse;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.divergence.core.common.InvalidInputException;

/**
 * The server refused or failed the query (a missing table, a quota, a timeout, a wrong password…): its own message,
 * with advice where there is some. The command line maps it to exit code 3, like any input the user must change.
 */
public final class ClickHouseServerException extends InvalidInputException {

    /** The error codes after which smaller queries help: quota, timeout, memory, too many rows. */
    private static final Set<Integer> TOO_BIG = Set.of(201, 159, 241, 396, 307, 158);
    private static final Set<Integer> REFUSED_USER = Set.of(192, 193, 194, 516);
    private static final Pattern CODE = Pattern.compile("Code: (\\d+)[.,]");
    private static final int MAX_MESSAGE = 2000;

    private final int status;
    private final int code;

    private ClickHouseServerException(String message, int status, int code) {
        super(message);
        this.status = status;
        this.code = code;
    }

    /**
     * @param status   the HTTP status, or 200 when the error came inside a result already being sent
     * @param body     what the server wrote about it
     * @param server   the server's URL, for the message
     */
    static ClickHouseServerException of(int status, String body, String server, String user, String what) {
        String text = body.strip();
        Matcher matcher = CODE.matcher(text);
        int code = -1;
        if (matcher.find()) {
            code = Integer.parseInt(matcher.group(1));
            // From the code to the end of its line: what follows is framing (the __exception__ block of 25.11+).
            text = text.substring(matcher.start()).lines().findFirst().orElse("").strip();
        }
        if (text.length() > MAX_MESSAGE) {
            text = text.substring(0, MAX_MESSAGE) + "…";
        }
        if (text.isEmpty()) {
            text = "(no message)";
        }
        StringBuilder message = new StringBuilder("the ClickHouse server at ").append(server);
        boolean refusedUser = status == 401 || REFUSED_USER.contains(code);
        if (refusedUser) {
            message.append(" refused user \"").append(user).append("\" (HTTP ").append(status).append("): ");
        } else {
            message.append(" answered ").append(what).append(" with an error (HTTP ").append(status).append(
                    status == 200 ? ", after it had begun sending rows" : "").append("): ");
        }
        message.append(text);
        if (refusedUser) {
            message.append("\nCheck --user and the password (--password-env VAR names the environment variable that"
                    + " holds it).");
        } else if (TOO_BIG.contains(code) || status == 408) {
            message.append("\nThe query was too large for the server's limits: use more shards (--shards, or Shards"
                    + " in the Collect dialog), so that each query aggregates and returns fewer repositories. Shards"
                    + " already stored are kept.");
        }
        return new ClickHouseServerException(message.toString(), status, code);
    }

    public int status() {
        return status;
    }

    /** ClickHouse's error code (60 unknown table, 201 quota exceeded, 159 timeout, …), -1 when none was given. */
    public int code() {
        return code;
    }
}
