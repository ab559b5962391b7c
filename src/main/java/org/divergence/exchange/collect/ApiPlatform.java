package org.divergence.exchange.collect;

import java.time.Duration;
import java.util.Map;
import org.divergence.core.collect.CallBudget;
import org.divergence.core.collect.CrawlRequest;
import org.divergence.core.collect.GitHubRateLimits;
import org.divergence.core.collect.HuggingFaceRateLimits;
import org.divergence.core.collect.RateLimitRules;
import org.divergence.core.repositories.Platform;

/** What differs between the two APIs at the HTTP level: default URL, headers, rate-limit rules, token variable. */
public enum ApiPlatform {
    GITHUB(Platform.GITHUB, CrawlRequest.GITHUB_API, "GITHUB_TOKEN", new GitHubRateLimits(),
            Map.of("Accept", "application/vnd.github+json", "X-GitHub-Api-Version", "2022-11-28")),
    HUGGING_FACE(Platform.HUGGINGFACE, CrawlRequest.HUGGING_FACE_ENDPOINT, "HF_TOKEN", new HuggingFaceRateLimits(),
            Map.of("Accept", "application/json"));

    private final Platform platform;
    private final String defaultUrl;
    private final String tokenVariable;
    private final RateLimitRules rules;
    private final Map<String, String> headers;

    ApiPlatform(Platform platform, String defaultUrl, String tokenVariable, RateLimitRules rules,
                Map<String, String> headers) {
        this.platform = platform;
        this.defaultUrl = defaultUrl;
        this.tokenVariable = tokenVariable;
        this.rules = rules;
        this.headers = headers;
    }

    public static ApiPlatform of(Platform platform) {
        return platform == Platform.GITHUB ? GITHUB : HUGGING_FACE;
    }

    public Platform platform() {
        return platform;
    }

    public String displayName() {
        return platform.displayName();
    }

    /** GitHub's public API, or Hugging Face's: {@code HF_ENDPOINT} when set (its libraries' convention). */
    public String defaultUrl(Map<String, String> environment) {
        if (this == HUGGING_FACE) {
            String endpoint = environment.get("HF_ENDPOINT");
            if (endpoint != null && !endpoint.isBlank()) {
                return endpoint.strip();
            }
        }
        return defaultUrl;
    }

    /** The environment variable the token is read from unless another is named. */
    public String tokenVariable() {
        return tokenVariable;
    }

    /**
     * A new budget at the platform's published rate: GitHub 5,000 calls an hour with a token, 60 without; Hugging
     * Face 1,000 per 5 minutes (a free account; its {@code RateLimit} headers tell a lower quota, and are obeyed).
     */
    public CallBudget publishedBudget(boolean withToken) {
        return this == GITHUB ? CallBudget.published(withToken ? 5_000 : 60, Duration.ofHours(1))
                : CallBudget.published(1_000, Duration.ofMinutes(5));
    }

    /** Workers by default: GitHub asks for serial requests; the Hub's quota is reached by two. */
    public int defaultConcurrency() {
        return this == GITHUB ? 1 : 2;
    }

    RateLimitRules rules() {
        return rules;
    }

    Map<String, String> headers() {
        return headers;
    }
}
