using System.Text;
using FargateApi.Lambda.CloudFormation;

namespace FargateApi.Lambda.Tests;

public class Sha256Tests
{
    /// <summary>The examples of FIPS 180-2 appendix B (one block, two blocks, a million 'a's) and the empty message.</summary>
    [Theory]
    [InlineData("abc", 1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 1, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    [InlineData("a", 1_000_000, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")]
    [InlineData("", 0, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    public void Digest_matches_the_standards_examples(string unit, int repeat, string expectedHex)
    {
        var message = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(unit, repeat)));

        Assert.Equal(expectedHex, Convert.ToHexStringLower(Sha256.HashData(message)));
    }

    /// <summary>Every length across the padding boundaries (55/56 bytes, one and two blocks and beyond).</summary>
    [Fact]
    public void Digest_equals_the_platform_sha256_for_every_length_up_to_three_blocks()
    {
        var random = new Random(20261206);
        for (var length = 0; length <= 200; length++)
        {
            var message = new byte[length];
            random.NextBytes(message);

            Assert.Equal(System.Security.Cryptography.SHA256.HashData(message), Sha256.HashData(message));
        }
    }

    [Fact]
    public void Failed_create_id_keeps_the_platform_sha256_of_the_request_id()
    {
        const string requestId = "5b2c8f10-1111-2222-3333-444455556666";
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(requestId)))[..12];

        Assert.Equal($"{FailedCreateId.Prefix}ApiService:{expected}", FailedCreateId.For("ApiService", requestId));
    }
}
