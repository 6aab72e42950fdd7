package audit

// Version names the audit rules. A check that finds a cached audit of the
// same commit and subdir reuses it only under the same Version, so bump it
// in the same commit as any change to what the audit reads or how it
// scores (checklist items, licence matching, limits, scan rules):
// otherwise warm re-checks keep reporting the old rules' results.
const Version = 1
