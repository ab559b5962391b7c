package org.divergence.core.coding;

import java.util.List;

/**
 * The starter codebook offered to new projects: socio-technical factors that may explain why collaboration on
 * Hugging Face differs from GitHub. The first three are reported from the study's interviews; the rest are candidate
 * factors. It is a starting point to adapt, not the study's own codebook (which is not public). GUIDs are fixed so
 * that projects started from it can exchange codes by GUID.
 */
public final class StarterCodebook {

    public static final String NAME = "Socio-technical factors";
    public static final String ROOT_GUID = "5a1f0c2e-7d3b-4c1a-9e60-000000000001";

    /** A code to create: parentGuid null means top level. */
    public record Definition(String guid, String parentGuid, String name, String color, String description,
                             String inclusion, String exclusion, String example) {
    }

    private StarterCodebook() {
    }

    public static List<Definition> definitions() {
        String root = ROOT_GUID;
        return List.of(
                new Definition(root, null, NAME, "#555555",
                        "Starter codebook: candidate socio-technical factors behind the divergence of collaboration "
                                + "between open-source software and open-source AI. A starting point to adapt: "
                                + "rename, split, merge or delete codes as your data demands.",
                        null, null, null),
                def("02", "Black-box nature of models", "#0072B2",
                        "Models are hard to inspect, debug or reason about, so outsiders cannot locate where to "
                                + "contribute or judge whether a change is an improvement.",
                        "Statements about opacity of weights, unpredictable behaviour, inability to debug or "
                                + "review a model change.",
                        "Opacity of the training data itself (code: Data access and licensing).",
                        "\"With code I can read the diff. With weights there is nothing to read.\""),
                def("03", "Compute requirements", "#D55E00",
                        "Training or even evaluating a change needs hardware and money that most would-be "
                                + "contributors do not have.",
                        "GPU cost or access, training time, evaluation cost as a barrier or a reason to fine-tune "
                                + "instead of retraining.",
                        "Storage or bandwidth of downloads only (code: Platform affordances).",
                        "\"Nobody is going to retrain a 7B model to fix a typo in the tokenizer config.\""),
                def("04", "Skill sets: model building vs application", "#009E73",
                        "Building models and applying them need different expertise, which splits the community "
                                + "into few builders and many users.",
                        "Mentions of ML research skills, engineering skills, a gap between builders and adopters.",
                        "General lack of time or interest (code: Incentives and recognition).",
                        "\"Our users are app developers; they can prompt, they cannot pre-train.\""),
                def("05", "Data access and licensing", "#CC79A7",
                        "Training data is unavailable, restricted or legally unclear, and model licences limit "
                                + "reuse and contribution.",
                        "Dataset availability, consent, licence terms of data or weights, legal review.",
                        "Code licences of ordinary software with no data aspect.",
                        "\"We cannot publish the data, so nobody can reproduce the run.\""),
                def("06", "Model documentation", "#E69F00",
                        "Model cards, dataset cards and evaluation reports: their presence, quality and use as a "
                                + "way to contribute.",
                        "Writing or improving cards, missing documentation, documentation as the contribution.",
                        "Code comments and README files of software libraries.",
                        "\"The most useful PR we got was someone fixing the model card.\""),
                def("07", "Platform affordances", "#56B4E9",
                        "What the platform makes easy or impossible: no forks on Hugging Face, discussions versus "
                                + "pull requests, derivatives recorded as base_model, notifications.",
                        "Features or missing features of GitHub or Hugging Face shaping collaboration.",
                        "Organisational rules that are not platform features (code: Governance).",
                        "\"There is no fork button, so you upload your own copy and the link is gone.\""),
                def("08", "Incentives and recognition", "#F0E442",
                        "Why people contribute back or not: credit, citations, career, company policy, the appeal "
                                + "of publishing one's own fine-tune.",
                        "Motives, rewards, credit and their absence.",
                        "Pure cost barriers (code: Compute requirements).",
                        "\"A fine-tune under my own name gets me downloads; a PR gets me nothing.\""),
                def("09", "Governance", "#999999",
                        "Who decides what is merged or released, review processes, organisational control and "
                                + "responsibility for model behaviour.",
                        "Maintainer roles, review rules, release decisions, safety sign-off.",
                        "Licence terms as such (code: Data access and licensing).",
                        "\"Any change to the weights goes through our safety review, so outside PRs stall.\""));
    }

    private static Definition def(String suffix, String name, String color, String description, String inclusion,
                                  String exclusion, String example) {
        return new Definition("5a1f0c2e-7d3b-4c1a-9e60-0000000000" + suffix, ROOT_GUID, name, color, description,
                inclusion, exclusion, example);
    }
}
