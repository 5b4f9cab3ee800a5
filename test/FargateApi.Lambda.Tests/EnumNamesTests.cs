using FargateApi.Lambda.CloudFormation;

namespace FargateApi.Lambda.Tests;

public class EnumNamesTests
{
    [Fact]
    public void Request_type_names_are_what_to_string_gives()
    {
        Assert.All(Enum.GetValues<RequestType>(), value => Assert.Equal(value.ToString(), EnumNames.Of(value)));
    }

    [Fact]
    public void Response_status_names_are_what_to_string_gives()
    {
        Assert.All(Enum.GetValues<ResponseStatus>(), value => Assert.Equal(value.ToString(), EnumNames.Of(value)));
    }
}
