using System.Xml.Linq;
using FargateApi.Aws.Protocols;

namespace FargateApi.Aws.Services.Ec2;

/// <summary>Reads the EC2 output shapes: lowerCamel locationNames (<c>groupId</c>, <c>tagSet</c>) and <c>item</c> list entries.</summary>
internal static class Ec2Xml
{
    public static SecurityGroup SecurityGroup(XElement e) => new(
        e.RequiredText("groupId"),
        e.Text("groupName"),
        e.Text("groupDescription"),
        e.Text("vpcId"),
        e.Text("ownerId"),
        e.Tags("tagSet"),
        [.. e.List("ipPermissions").Select(IpPermission)]);

    public static IpPermission IpPermission(XElement e) => new(
        e.Text("ipProtocol") ?? "",
        e.Int("fromPort"),
        e.Int("toPort"),
        [.. e.List("groups").Select(g => new UserIdGroupPair(g.Text("groupId") ?? "", g.Text("description")))]);

    public static SecurityGroupRule SecurityGroupRule(XElement e) => new(
        e.RequiredText("securityGroupRuleId"),
        e.Text("groupId"),
        e.Bool("isEgress") ?? false,
        e.Text("ipProtocol"),
        e.Int("fromPort"),
        e.Int("toPort"),
        e.Text("cidrIpv4"),
        e.Child("referencedGroupInfo")?.Text("groupId"),
        e.Text("description"));

    public static NetworkInterface NetworkInterface(XElement e) => new(
        e.RequiredText("networkInterfaceId"),
        e.Text("status"),
        e.Text("interfaceType"),
        e.Text("description"),
        e.Text("subnetId"),
        e.Text("vpcId"),
        [.. e.List("groupSet").Select(g => g.Text("groupId")).OfType<string>()]);

    public static Vpc Vpc(XElement e) => new(e.RequiredText("vpcId"), e.Text("state"), e.Text("cidrBlock"), e.Bool("isDefault") ?? false);

    public static Subnet Subnet(XElement e) => new(e.RequiredText("subnetId"), e.Text("vpcId"), e.Text("availabilityZone"), e.Text("state"));
}
