package register

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/places"
	"github.com/vetcircle/vetcircle/internal/textclean"
)

// IDLen is the length of a circle's ID in hex digits: 64 bits of SHA-256,
// so two names of a register of 100,000 circles share one with a chance
// under one in a billion — and the metadata's exact name catches even that.
const IDLen = 16

// Key is the form of a name that identity and lookups compare: NFC, case
// folded (so "STRASSE" and "straße" are one name), each run of spaces one
// space, no space at either end. Punctuation, emoji and accents all stay:
// "A+B Circle" and "A&B Circle" are two circles.
func Key(name string) string {
	s := norm.NFC.String(cases.Fold().String(norm.NFC.String(name)))
	return strings.Join(strings.Fields(s), " ")
}

// looseKey is Key without accents (marks dropped after NFD): what a person
// types without them ("cafe luna") still finds "Café Luna", but as a lookup
// only, never as an identity.
func looseKey(name string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(Key(name)) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return norm.NFC.String(b.String())
}

// ID is a circle's identity: a hash of its name's Key, so the same circle
// added on two machines of a team gets the same ID (and the same folder),
// and two different names never share one.
func ID(name string) string {
	h := sha256.Sum256([]byte("vetcircle circle\x00" + Key(name)))
	return hex.EncodeToString(h[:IDLen/2])
}

// isID reports whether s has the shape of an ID.
func isID(s string) bool {
	if len(s) != IDLen {
		return false
	}
	_, err := hex.DecodeString(s)
	return err == nil && strings.ToLower(s) == s
}

// CheckName refuses what cannot be a circle's name: empty, control
// characters (escaped in the message, so a newline cannot split it),
// invalid UTF-8, a path such as ".", ".." or "/", or over the answers
// files' limit for a name.
func CheckName(name string) error { return CheckNameAs(name, "circle") }

// CheckNameAs is CheckName for a name of another kind ("alias" for a
// person's record): the same rules, said in the catalog's
// "register.name.<kind>.*" words.
func CheckNameAs(name, kind string) error {
	key := "register.name." + kind + "."
	switch {
	case !utf8.ValidString(name):
		return msg.New(key+"utf8", "name", textclean.Visible(name))
	case strings.TrimSpace(name) == "":
		return msg.New(key+"empty", "name", strconv.Quote(name))
	case utf8.RuneCountInString(name) > checklist.MaxLineLen:
		return msg.New(key+"long", "n", utf8.RuneCountInString(name), "limit", checklist.MaxLineLen)
	}
	for _, r := range name {
		if unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029' {
			return msg.New(key+"control", "name", textclean.Visible(name))
		}
	}
	if strings.Trim(name, "./\\ ") == "" {
		return msg.New(key+"path", "name", strconv.Quote(name))
	}
	return nil
}

// Folder is the name of a circle's folder: its readable slug (places.Slug,
// whose rules never change), then the ID
// ("a-b-circle-3f09c2d17be4a0c5").
func Folder(name string) string { return places.Slug(name) + "-" + ID(name) }

// folderID is the ID a folder name ends with, "" for a folder of the old
// layout (slug only).
func folderID(folder string) string {
	i := strings.LastIndexByte(folder, '-')
	if i < 0 || !isID(folder[i+1:]) {
		return ""
	}
	return folder[i+1:]
}
