// Package mirror reads the FROM=TO rules that point repository and
// artifact URLs at mirrors (flags, REPRO_MIRRORS, REPRO_ARTIFACT_MIRRORS)
// and finds the rule a URL goes through. What a rule's TO means (a git
// remote, a folder of bare repositories, a folder of files) is left to
// gitrepo and artifact.
package mirror
