// Package privacy holds no code: its tests prove vetcircle's promise that it
// works offline and sends nothing anywhere.
//
// Two tests, each able to fail:
//
//   - TestNoNetworkCode lists every package linked into cmd/vetcircle (go list
//     -deps) and fails if one of vetcircle's own packages imports a network
//     or process package (net, net/http, crypto/tls, os/exec, ...), or if any
//     package at all links an HTTP, TLS, RPC or mail client. The standard
//     library's net package is linked through spf13/pflag, which uses it only
//     to parse IP-address flags; that is allowed and nothing else is.
//   - TestNoSocketsAtRunTime builds the binary and runs score, rules check and
//     the accessible walkthrough (saving a summary) under strace, failing on
//     any network system call, and again under `unshare -rn` (a network
//     namespace with no interfaces), failing unless the output is the same.
//     Each half is skipped, with the reason, where the tool is missing or
//     not permitted; CI runs as root on Linux, where both work.
package privacy
