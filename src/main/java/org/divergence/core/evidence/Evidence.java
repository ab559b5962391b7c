package org.divergence.core.evidence;

import org.divergence.core.coding.CodedSegment;

/**
 * An evidence link resolved for display: the segment with its text, case and code path (a segment link), or the code
 * with how many segments carry it (a code link).
 */
public record Evidence(EvidenceLink link, CodedSegment segment, String codePath, String codeColor,
                       long codeSegments) {

    public boolean isSegment() {
        return segment != null;
    }
}
