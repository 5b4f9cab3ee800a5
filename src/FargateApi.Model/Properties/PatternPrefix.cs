using System.Globalization;

namespace FargateApi.Properties;

/// <summary>
/// How far a string follows a pattern before it goes wrong: the length of its longest prefix that some matching string
/// starts with. A message about a long value then shows the part that is wrong (a listener ARN that says
/// <c>loadbalancer/</c> where <c>listener/</c> belongs), not just the value's first characters.
/// </summary>
/// <remarks>
/// .NET's Regex has no partial matching, so the pattern is read here into a small tree and run as a set of positions
/// (a Thompson-style simulation: linear in the text for each node, no backtracking). It understands the subset the
/// catalog's patterns use (<see cref="PropertyPatterns"/>): anchors, literals, escapes, character classes with ranges and
/// <c>\p{…}</c>, groups, alternation and quantifiers; a lookahead is taken as always true, which can only make the prefix
/// longer. Anything else gives null, and the message falls back to the value's beginning.
/// </remarks>
internal static class PatternPrefix
{
    /// <summary>The length of the longest prefix of <paramref name="text"/> that can still become a match; null when the pattern is not understood.</summary>
    public static int? MatchedLength(string pattern, string text)
    {
        if (!Parser.TryParse(pattern, out var tree))
        {
            return null;
        }

        var run = new Run(text);
        run.Evaluate(tree, [0]);
        return run.Furthest;
    }

    private abstract record Node;

    private sealed record CharNode(Func<char, bool> Accepts) : Node;

    private sealed record Sequence(IReadOnlyList<Node> Parts) : Node;

    private sealed record Alternation(IReadOnlyList<Node> Options) : Node;

    private sealed record Repeat(Node Body, int Min, int? Max) : Node;

    private sealed record Anchor(bool AtStart) : Node;

    /// <summary>A lookahead: consumes nothing and is taken as true.</summary>
    private sealed record Nothing : Node;

    /// <summary>The positions reachable after each node; <see cref="Furthest"/> is the furthest any partial run got.</summary>
    private sealed class Run(string text)
    {
        public int Furthest { get; private set; }

        public HashSet<int> Evaluate(Node node, HashSet<int> starts)
        {
            switch (node)
            {
                case CharNode single:
                    var next = new HashSet<int>();
                    foreach (var position in starts)
                    {
                        if (position < text.Length && single.Accepts(text[position]))
                        {
                            next.Add(position + 1);
                            Furthest = Math.Max(Furthest, position + 1);
                        }
                    }

                    return next;
                case Sequence sequence:
                    return sequence.Parts.Aggregate(starts, (current, part) => current.Count == 0 ? current : Evaluate(part, current));
                case Alternation alternation:
                    var union = new HashSet<int>();
                    foreach (var option in alternation.Options)
                    {
                        union.UnionWith(Evaluate(option, starts));
                    }

                    return union;
                case Repeat repeat:
                    return Repeated(repeat, starts);
                case Anchor anchor:
                    return [.. starts.Where(p => anchor.AtStart ? p == 0 : p == text.Length)];
                default:
                    return starts;
            }
        }

        private HashSet<int> Repeated(Repeat repeat, HashSet<int> starts)
        {
            var current = starts;
            for (var i = 0; i < repeat.Min && current.Count > 0; i++)
            {
                current = Evaluate(repeat.Body, current);
            }

            var reached = new HashSet<int>(current);
            var frontier = current;
            for (var i = repeat.Min; (repeat.Max is null || i < repeat.Max) && frontier.Count > 0; i++)
            {
                // Only positions not seen before can lead anywhere new: each position enters the frontier once.
                frontier = [.. Evaluate(repeat.Body, frontier).Where(reached.Add)];
            }

            return reached;
        }
    }

    /// <summary>Recursive descent over the pattern; fails (false) on any construct it does not know.</summary>
    private sealed class Parser(string pattern)
    {
        private int _at;

        public static bool TryParse(string pattern, out Node tree)
        {
            var parser = new Parser(pattern);
            tree = new Nothing();
            try
            {
                tree = parser.Alternatives();
                return parser._at == pattern.Length;
            }
            catch (FormatException)
            {
                return false;
            }
        }

        private bool More => _at < pattern.Length;

        private char Peek => pattern[_at];

        private Node Alternatives()
        {
            var options = new List<Node> { Sequence() };
            while (More && Peek == '|')
            {
                _at++;
                options.Add(Sequence());
            }

            return options.Count == 1 ? options[0] : new Alternation(options);
        }

        private Sequence Sequence()
        {
            var parts = new List<Node>();
            while (More && Peek is not ('|' or ')'))
            {
                parts.Add(Quantified(Atom()));
            }

            return new Sequence(parts);
        }

        private Node Quantified(Node atom)
        {
            if (!More)
            {
                return atom;
            }

            switch (Peek)
            {
                case '*':
                    _at++;
                    return new Repeat(atom, 0, null);
                case '+':
                    _at++;
                    return new Repeat(atom, 1, null);
                case '?':
                    _at++;
                    return new Repeat(atom, 0, 1);
                case '{':
                    var close = pattern.IndexOf('}', _at);
                    var bounds = close < 0 ? null : pattern[(_at + 1)..close].Split(',');
                    if (bounds is not { Length: 1 or 2 } || !int.TryParse(bounds[0], NumberStyles.None, CultureInfo.InvariantCulture, out var min))
                    {
                        throw new FormatException("quantifier");
                    }

                    int? max = bounds.Length == 1 ? min : bounds[1].Length == 0 ? null : int.Parse(bounds[1], NumberStyles.None, CultureInfo.InvariantCulture);
                    _at = close + 1;
                    return new Repeat(atom, min, max);
                default:
                    return atom;
            }
        }

        private Node Atom()
        {
            var c = pattern[_at++];
            switch (c)
            {
                case '^':
                    return new Anchor(AtStart: true);
                case '$':
                    return new Anchor(AtStart: false);
                case '.':
                    return new CharNode(ch => ch != '\n');
                case '[':
                    return Class();
                case '\\':
                    return new CharNode(Escape());
                case '(':
                    var lookahead = false;
                    if (More && Peek == '?')
                    {
                        var kind = pattern.Length > _at + 1 ? pattern[_at + 1] : ' ';
                        lookahead = kind is '!' or '=';
                        if (!lookahead && kind != ':')
                        {
                            throw new FormatException("group");
                        }

                        _at += 2;
                    }

                    var inner = Alternatives();
                    if (!More || Peek != ')')
                    {
                        throw new FormatException("group");
                    }

                    _at++;
                    return lookahead ? new Nothing() : inner;
                case ')' or '*' or '+' or '?' or '{' or '|':
                    throw new FormatException("syntax");
                default:
                    return new CharNode(ch => ch == c);
            }
        }

        private CharNode Class()
        {
            var negated = More && Peek == '^';
            if (negated)
            {
                _at++;
            }

            var members = new List<Func<char, bool>>();
            while (More && Peek != ']')
            {
                var single = pattern[_at++];
                Func<char, bool> member;
                char? low = null;
                if (single == '\\')
                {
                    member = Escape(out low);
                }
                else
                {
                    low = single;
                    member = ch => ch == single;
                }

                if (low is { } from && More && Peek == '-' && pattern.Length > _at + 1 && pattern[_at + 1] != ']')
                {
                    _at++;
                    var to = pattern[_at++];
                    if (to == '\\')
                    {
                        Escape(out var escaped);
                        to = escaped ?? throw new FormatException("range");
                    }

                    member = ch => ch >= from && ch <= to;
                }

                members.Add(member);
            }

            if (!More)
            {
                throw new FormatException("class");
            }

            _at++;
            return new CharNode(ch => members.Any(m => m(ch)) != negated);
        }

        private Func<char, bool> Escape() => Escape(out _);

        /// <summary>An escape after its backslash; <paramref name="literal"/> is the one character it stands for, if it is one.</summary>
        private Func<char, bool> Escape(out char? literal)
        {
            literal = null;
            if (!More)
            {
                throw new FormatException("escape");
            }

            var c = pattern[_at++];
            switch (c)
            {
                case 'd':
                    return ch => ch is >= '0' and <= '9';
                case 'w':
                    return ch => ch is >= '0' and <= '9' or >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_';
                case 's':
                    return char.IsWhiteSpace;
                case 'p':
                    var close = pattern.IndexOf('}', _at);
                    if (!More || Peek != '{' || close < 0)
                    {
                        throw new FormatException("category");
                    }

                    var categories = Categories(pattern[(_at + 1)..close]);
                    _at = close + 1;
                    return ch => categories.Contains(char.GetUnicodeCategory(ch));
                case 'n':
                    literal = '\n';
                    return ch => ch == '\n';
                case 't':
                    literal = '\t';
                    return ch => ch == '\t';
                default:
                    if (char.IsAsciiLetterOrDigit(c))
                    {
                        throw new FormatException("escape");
                    }

                    literal = c;
                    return ch => ch == c;
            }
        }

        /// <summary>The general categories <c>\p{L}</c>, <c>\p{N}</c> and <c>\p{Z}</c> stand for.</summary>
        private static UnicodeCategory[] Categories(string name) => name switch
        {
            "L" => [UnicodeCategory.UppercaseLetter, UnicodeCategory.LowercaseLetter, UnicodeCategory.TitlecaseLetter, UnicodeCategory.ModifierLetter, UnicodeCategory.OtherLetter],
            "N" => [UnicodeCategory.DecimalDigitNumber, UnicodeCategory.LetterNumber, UnicodeCategory.OtherNumber],
            "Z" => [UnicodeCategory.SpaceSeparator, UnicodeCategory.LineSeparator, UnicodeCategory.ParagraphSeparator],
            _ => throw new FormatException("category"),
        };
    }
}
