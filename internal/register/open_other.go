//go:build !unix

package register

// openListed: elsewhere the listing's own check (a regular file) stands.
const openListed = 0
