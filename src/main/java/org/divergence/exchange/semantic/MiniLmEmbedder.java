package org.divergence.exchange.semantic;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.divergence.core.semantic.TextEmbedder;

/**
 * The quantized all-MiniLM-L6-v2 sentence-embedding model run by ONNX Runtime in this process (ADR 0120): no network,
 * no download, no cache folder. One passage per run, never padded into a batch (the model quantizes per tensor, so a
 * batch would change each passage's vector); mean pooling over all tokens, then unit length. Thread-safe: the
 * session may be shared by several worker threads, each run uses one thread of its own.
 */
public final class MiniLmEmbedder implements TextEmbedder {

    /** The model and its tokenizer, top-level resources of the model jar from Maven Central. */
    static final String MODEL_RESOURCE = "/all-minilm-l6-v2-q.onnx";
    static final String TOKENIZER_RESOURCE = "/all-minilm-l6-v2-q-tokenizer.json";
    static final String MODEL_NAME = "all-MiniLM-L6-v2 (quantized)";
    private static final int DIMENSIONS = 384;

    private static MiniLmEmbedder shared;

    private final OrtEnvironment environment;
    private final OrtSession session;
    private final WordPieceTokenizer tokenizer;
    private final boolean takesTokenTypes;
    private final String fingerprint;
    private final String modelName;

    private MiniLmEmbedder(byte[] model, WordPieceTokenizer tokenizer) throws OrtException {
        this.environment = OrtEnvironment.getEnvironment();
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        // One thread a run, runs in parallel on our own workers: ORT's own pool spin-waits and costs more CPU.
        options.setIntraOpNumThreads(1);
        options.setInterOpNumThreads(1);
        options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
        this.session = environment.createSession(model, options);
        this.tokenizer = tokenizer;
        this.takesTokenTypes = session.getInputNames().contains("token_type_ids");
        String runtime = environment.getVersion();
        this.modelName = MODEL_NAME + ", ONNX Runtime " + runtime;
        this.fingerprint = "all-minilm-l6-v2-q sha256:" + sha256(model).substring(0, 16) + " ort:" + runtime
                + " tokens:" + WordPieceTokenizer.MAX_TOKENS;
    }

    /** The model of this process, loaded on first use (about half a second) and kept: it is read-only. */
    public static synchronized MiniLmEmbedder shared() {
        if (shared == null) {
            shared = load();
        }
        return shared;
    }

    private static MiniLmEmbedder load() {
        try (InputStream model = resource(MODEL_RESOURCE); InputStream tokenizer = resource(TOKENIZER_RESOURCE)) {
            return new MiniLmEmbedder(model.readAllBytes(), WordPieceTokenizer.fromTokenizerJson(tokenizer));
        } catch (IOException e) {
            throw new UncheckedIOException("The embedding model could not be read: " + e.getMessage(), e);
        } catch (OrtException e) {
            throw new IllegalStateException("The embedding model could not be loaded: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = MiniLmEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is missing from the installation");
        }
        return in;
    }

    @Override
    public float[] embed(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("cannot embed blank text");
        }
        int[] ids = tokenizer.encode(text);
        long[] tokens = new long[ids.length];
        long[] mask = new long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            tokens[i] = ids[i];
            mask[i] = 1;
        }
        long[] shape = {1, ids.length};
        try (OnnxTensor inputIds = OnnxTensor.createTensor(environment, LongBuffer.wrap(tokens), shape);
             OnnxTensor attention = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
             OnnxTensor types = OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", inputIds);
            inputs.put("attention_mask", attention);
            if (takesTokenTypes) {
                inputs.put("token_type_ids", types);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][] hidden = ((float[][][]) result.get(0).getValue())[0];
                return meanUnitVector(hidden);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("The embedding model failed: " + e.getMessage(), e);
        }
    }

    /** Mean over every token ([CLS] and [SEP] too, as sentence-transformers does), then divided by its length. */
    private static float[] meanUnitVector(float[][] hidden) {
        float[] mean = new float[DIMENSIONS];
        for (float[] token : hidden) {
            for (int j = 0; j < DIMENSIONS; j++) {
                mean[j] += token[j];
            }
        }
        float count = hidden.length;
        float sumOfSquares = 0;
        for (int j = 0; j < DIMENSIONS; j++) {
            mean[j] /= count;
            sumOfSquares += mean[j] * mean[j];
        }
        float norm = (float) Math.sqrt(sumOfSquares);
        for (int j = 0; j < DIMENSIONS; j++) {
            mean[j] /= norm;
        }
        return mean;
    }

    @Override
    public int dimensions() {
        return DIMENSIONS;
    }

    @Override
    public String modelName() {
        return modelName;
    }

    @Override
    public String fingerprint() {
        return fingerprint;
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
