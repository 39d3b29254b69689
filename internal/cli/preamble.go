package cli

import (
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/vetcircle/vetcircle/internal/checklist"
	"github.com/vetcircle/vetcircle/internal/draft"
	"github.com/vetcircle/vetcircle/internal/msg"
	"github.com/vetcircle/vetcircle/internal/places"
	"github.com/vetcircle/vetcircle/internal/register"
	"github.com/vetcircle/vetcircle/internal/textclean"
	"github.com/vetcircle/vetcircle/rules"
)

// rulesFlag names a folder holding a rule pack to use instead of the
// built-in one; every command that reads the pack takes it (addPackFlags),
// as every command takes the root's --lang.
const rulesFlag = "rules"

// addPackFlags gives a command that reads the rule pack its --rules.
func addPackFlags(cmd *cobra.Command) *cobra.Command {
	cmd.Flags().String(rulesFlag, "", "")
	return cmd
}

// needs is what a command reads before it runs.
type needs struct {
	// formats are the values its --format takes, in the order the error
	// names them; nil for a command without --format.
	formats []string
	// autoFormat chooses the format when --format is empty (compare: a
	// table in a terminal, markdown otherwise); nil keeps the flag's own
	// default.
	autoFormat func(env) string
	// pack: the rule pack, from --rules, else the built-in one in the
	// command's language.
	pack bool
	// register: where the register is (--register, VETCIRCLE_REGISTER,
	// else the data folder) and its listing cache; nothing is read until
	// the command calls cmdEnv.register, which also says why there is
	// none (a command that may never need it still runs).
	register bool
	// drafts: the drafts folder. One that cannot be told is an error
	// unless --no-draft says to keep none; with readsDrafts (resume, which
	// lists them) it is an error all the same.
	drafts, readsDrafts bool
}

// cmdEnv is one command's environment, made once by prepare at the top of
// its RunE: the outside world (env, with the language decided), the
// --format checked, and the pack, register and drafts it asked for.
type cmdEnv struct {
	env
	format string
	pack   *checklist.Pack
	reg    register.Register
	regErr error       // why there is no register folder, if there is none
	drafts draft.Store // Dir is "" when --no-draft and no folder can be told
}

// prepare is every command's preamble: the language (--lang, else
// LC_ALL, LC_MESSAGES or LANG, else English: rules.Choose), --format
// against the formats the command takes, then what n asks for. Errors in
// what the user gave are bad input (exit 2).
func prepare(cmd *cobra.Command, e env, n needs) (cmdEnv, error) {
	flag, _ := cmd.Flags().GetString(langFlag)
	lang, err := rules.Choose(flag, e.env)
	if err != nil {
		return cmdEnv{env: e}, badInput(err)
	}
	e.lang = lang
	e.registerDir, _ = cmd.Flags().GetString(registerFlag)
	ce := cmdEnv{env: e}
	if n.formats != nil {
		v, _ := cmd.Flags().GetString("format")
		if ce.format, err = checkFormat(v, n.formats); err != nil {
			return ce, badInput(err)
		}
		if ce.format == "" && n.autoFormat != nil {
			ce.format = n.autoFormat(e)
		}
	}
	if n.pack {
		dir, _ := cmd.Flags().GetString(rulesFlag)
		if ce.pack, err = loadPack(e, dir); err != nil {
			return ce, err
		}
	}
	if n.register {
		ce.reg, ce.regErr = locateRegister(e)
	}
	if n.drafts {
		dir, err := places.This().Drafts()
		switch {
		case err != nil && n.readsDrafts:
			return ce, msg.Wrap(err, "cli.err.drafts-folder-read", "reason", err)
		case err != nil && !draftsOff(cmd):
			return ce, msg.Wrap(err, "cli.err.drafts-folder", "reason", err)
		}
		ce.drafts = draft.Store{Dir: dir}
	}
	return ce, nil
}

// checkFormat accepts a --format value in any case, or refuses it naming
// the values allowed; "" stays "" (the command's own default).
func checkFormat(v string, allowed []string) (string, error) {
	if v == "" {
		return "", nil
	}
	if l := strings.ToLower(strings.TrimSpace(v)); slices.Contains(allowed, l) {
		return l, nil
	}
	return "", msg.New("cli.err.format", "value", strconv.Quote(textclean.CleanLine(v)), "allowed", orList(allowed))
}

// register is the command's register, moved to the current layout first
// (see registerFor): what commands that read or keep circles open.
func (ce cmdEnv) register() (register.Register, error) {
	if ce.regErr != nil {
		return ce.reg, ce.regErr
	}
	return registerFor(ce.env, ce.reg, ce.pack)
}

// orList is "a, b or c" in the catalog's language (its cond.or).
type orList []string

func (l orList) Error() string { return l.Tell(msg.Default()) }

// Tell joins the list with the catalog's "or".
func (l orList) Tell(c msg.Catalog) string {
	if len(l) < 2 {
		return strings.Join(l, "")
	}
	return strings.Join(l[:len(l)-1], ", ") + " " + c.Tf("cond.or") + " " + l[len(l)-1]
}
