-- Divergence Workbench project schema, version 2: guarantees the coding feature relies on.

-- A transcript's text never changes once it carries a coding, so code point offsets never shift.
CREATE TRIGGER transcript_text_immutable_once_coded BEFORE UPDATE OF content ON transcript
WHEN new.content IS NOT old.content AND EXISTS (SELECT 1 FROM coding WHERE transcript_id = old.id)
BEGIN
    SELECT RAISE(ABORT, 'the text of a coded transcript cannot change');
END;

-- A coding lies inside its transcript.
CREATE TRIGGER coding_inside_transcript_on_insert BEFORE INSERT ON coding
WHEN new.end_cp > (SELECT length_code_points FROM transcript WHERE id = new.transcript_id)
BEGIN
    SELECT RAISE(ABORT, 'a coding ends after the end of its transcript');
END;

CREATE TRIGGER coding_inside_transcript_on_update BEFORE UPDATE OF start_cp, end_cp, transcript_id ON coding
WHEN new.end_cp > (SELECT length_code_points FROM transcript WHERE id = new.transcript_id)
BEGIN
    SELECT RAISE(ABORT, 'a coding ends after the end of its transcript');
END;

-- The same coder applying the same code to the same text twice is one coding.
CREATE UNIQUE INDEX coding_unique_per_coder ON coding (transcript_id, code_id, coder_id, start_cp, end_cp);

CREATE INDEX transcript_by_case ON transcript (case_id);
CREATE INDEX memo_by_case ON memo (case_id);
