package cli

// SetWriteStep sets the hook called after each step of locking, recovering
// and writing an output directory (see writeStep).
func SetWriteStep(f func(step string)) { writeStep = f }
