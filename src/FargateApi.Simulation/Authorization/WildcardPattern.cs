namespace FargateApi.Simulation.Authorization;

/// <summary>
/// IAM's wildcards in Action, Resource and the *Like condition operators: <c>*</c> matches any run of characters
/// (slashes and colons included), <c>?</c> any one character; everything else is literal
/// (IAM User Guide, "IAM JSON policy elements: Resource" and "Condition operators", String and ARN operators).
/// </summary>
internal static class WildcardPattern
{
    public static bool Matches(string pattern, string value, StringComparison comparison) => Matches(pattern, null, value, comparison);

    /// <param name="literal">Per character of <paramref name="pattern"/>, whether it stands for itself even if it is <c>*</c>
    /// or <c>?</c>: the characters a policy variable put there (<see cref="PolicyVariables"/>). Null: none.</param>
    public static bool Matches(string pattern, bool[]? literal, string value, StringComparison comparison)
    {
        bool Is(int at, char wildcard) => pattern[at] == wildcard && literal?[at] != true;

        // Classic two-pointer glob match with backtracking to the last '*': linear in practice, no regex to compile.
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && Is(p, '*'))
            {
                star = p++;
                resume = v;
            }
            else if (p < pattern.Length && (Is(p, '?') || string.Compare(pattern, p, value, v, 1, comparison) == 0))
            {
                p++;
                v++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && Is(p, '*'))
        {
            p++;
        }

        return p == pattern.Length;
    }
}
