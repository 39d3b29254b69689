//go:build unix

package register

import "syscall"

// openListed opens a listed file without following a link (a link put
// there since the listing is refused) and without blocking on a FIFO.
const openListed = syscall.O_NOFOLLOW | syscall.O_NONBLOCK
