namespace FargateApi.Cli.Tests;

/// <summary>Templates as users write them: the seed's app-api with parameters, imports and short-form tags.</summary>
internal static class Templates
{
    public const string YamlWithIntrinsics = """
        AWSTemplateFormatVersion: "2010-09-09"
        Parameters:
          Priority: {Type: Number, Default: 1}
          Cpu: {Type: Number, Default: 512}
          ImageTag: {Type: String}
        Conditions:
          IsProd: !Equals [!Ref Environment, prod]
        Resources:
          Table:
            Type: AWS::DynamoDB::Table
          AppApi:
            Type: Custom::FargateApi
            Properties:
              ServiceToken: !ImportValue fargate-api-ServiceToken
              ProjectPrefix: acme
              Environment: !If [IsProd, prod, dev]
              ServiceName: app-api
              Cpu: !Ref Cpu
              Memory: 8192
              ImageTag: !Ref ImageTag
              Priority: !Ref Priority
              EnvironmentVariables:
                TABLE: !Ref Table
                REGION: !Sub "${AWS::Region}"
                ZONE: !Select [0, !GetAZs ""]
                USERDATA: !Base64 "x"
              Secrets:
                DB_PASSWORD: !Join ["", ["arn:aws:secretsmanager:", !Ref "AWS::Region", ":123456789012:secret:db"]]
              Network:
                SubnetIds: !Split [",", !ImportValue acme-private-subnets]
                VpcId: !FindInMap [Vpcs, !Ref "AWS::Region", Id]
              Grants:
                DynamoDbTables: [!GetAtt Table.Arn]
                S3Buckets: [!Ref "AWS::NoValue"]
              Tags:
                cidr: !Select [0, !Cidr ["10.0.0.0/16", 1, 8]]
        """;

    public const string JsonWithIntrinsics = """
        {
          "Resources": {
            "AppApi": {
              "Type": "Custom::FargateApi",
              "Properties": {
                "ServiceToken": { "Fn::ImportValue": "fargate-api-ServiceToken" },
                "ProjectPrefix": "acme",
                "ServiceName": "app-api",
                "Cpu": { "Ref": "Cpu" },
                "Priority": { "Ref": "Priority" },
                "EnvironmentVariables": { "REGION": { "Fn::Sub": "${AWS::Region}" } }
              }
            },
            "Other": { "Type": "AWS::SNS::Topic" }
          }
        }
        """;

    /// <summary>The mistake people make: a literal Memory outside the literal Cpu's tier.</summary>
    public const string YamlCpuMemoryMistake = """
        Resources:
          AppApi:
            Type: Custom::FargateApi
            Properties:
              ServiceToken: !ImportValue fargate-api-ServiceToken
              ProjectPrefix: acme
              ServiceName: app-api
              Cpu: 256
              Memory: 4096
              Priority: !Ref Priority
        """;

    public static string Properties(string extra = "") => $$"""
        { "ProjectPrefix": "acme", "ServiceName": "app-api", "Priority": 1, "ImageTag": "1.4.2"{{extra}} }
        """;
}
