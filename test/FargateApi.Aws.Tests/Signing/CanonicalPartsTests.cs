using FargateApi.Aws.Signing;

namespace FargateApi.Aws.Tests.Signing;

public sealed class CanonicalPartsTests
{
    [Theory]
    [InlineData("/2015-03-31/functions/my-fn%3Alive/invocations", "/2015-03-31/functions/my-fn%253Alive/invocations")]
    [InlineData("/a%20b/", "/a%2520b/")]
    [InlineData("", "/")]
    [InlineData("/a/b/..", "/a/")]
    [InlineData("/a/./b", "/a/b")]
    [InlineData("/../a", "/a")]
    public void Already_encoded_wire_path_is_normalized_and_encoded_again(string wirePath, string canonical)
    {
        Assert.Equal(canonical, CanonicalUri.Build(wirePath));
    }

    [Theory]
    [InlineData("Qualifier=live&FunctionVersion=ALL", "FunctionVersion=ALL&Qualifier=live")]
    [InlineData("?b=2&a=1", "a=1&b=2")]
    [InlineData("Marker=a%2Fb%3D%3D", "Marker=a%2Fb%3D%3D")]
    [InlineData("Name=a%20b", "Name=a%20b")]
    [InlineData("flag", "flag=")]
    [InlineData("", "")]
    public void Query_is_decoded_then_encoded_once_and_sorted(string query, string canonical)
    {
        Assert.Equal(canonical, CanonicalQuery.Build(query));
    }

    [Fact]
    public void Signing_key_derivation_matches_the_documented_example()
    {
        // "Examples of how to derive a signing key", https://docs.aws.amazon.com/general/latest/gr/signature-v4-examples.html
        byte[] key = SigningKeyCache.Derive("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "20120215", "us-east-1", "iam");

        Assert.Equal("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d", Convert.ToHexStringLower(key));
    }
}
