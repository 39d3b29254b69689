//go:build !unix

package cli

// ignoreSIGPIPE: there is no SIGPIPE outside Unix; a write to a closed pipe
// already returns an error.
func ignoreSIGPIPE() {}
