package cli

// SetWriteStep sets the hook called after each step of locking, recovering
// and writing an output directory (see writeStep).
func SetWriteStep(f func(step string)) { writeStep = f }

// VersionOf is versionOf, for tests of what docgen version prints.
var VersionOf = versionOf
