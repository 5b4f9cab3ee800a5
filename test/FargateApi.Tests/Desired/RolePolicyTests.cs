using FargateApi.Desired;
using FargateApi.Properties;

namespace FargateApi.Tests.Desired;

public class RolePolicyTests
{
    private static PolicyStatement Statement(DesiredRole role, string sid) => role.Statements.Single(statement => statement.Sid == sid);

    [Fact]
    public void Execution_role_pulls_from_the_repository_and_writes_to_the_log_group()
    {
        var role = Seed.Stack().ExecutionRole!;

        Assert.Equal(["EcrAuthorization", "EcrPull", "Logs"], role.Statements.Select(statement => statement.Sid));
        Assert.Equal(ValueList.Of("*"), Statement(role, "EcrAuthorization").Resources);
        Assert.Equal(ValueList.Of("ecr:GetAuthorizationToken"), Statement(role, "EcrAuthorization").Actions);
        Assert.Equal(ValueList.Of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"), Statement(role, "EcrPull").Actions);
        Assert.Equal(ValueList.Of("arn:aws:ecr:us-east-1:123456789012:repository/myproj/app-api"), Statement(role, "EcrPull").Resources);
        Assert.Equal(ValueList.Of("logs:CreateLogStream", "logs:PutLogEvents"), Statement(role, "Logs").Actions);
        Assert.Equal(ValueList.Of("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/myproj/app-api:*"), Statement(role, "Logs").Resources);
    }

    [Fact]
    public void Execution_role_reads_exactly_the_container_secrets()
    {
        var role = Seed.Stack(Seed.Properties with
        {
            Secrets = new Dictionary<string, string>
            {
                ["DB_PASSWORD"] = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password::",
                ["API_KEY"] = "arn:aws:secretsmanager:us-east-1:123456789012:secret:api-123456",
                ["FLAG"] = "arn:aws:ssm:us-east-1:123456789012:parameter/myproj/flag",
            },
        }).ExecutionRole!;

        Assert.Equal(ValueList.Of("secretsmanager:GetSecretValue"), Statement(role, "Secrets").Actions);
        Assert.Equal(
            ValueList.Of("arn:aws:secretsmanager:us-east-1:123456789012:secret:api-123456", "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"),
            Statement(role, "Secrets").Resources);
        Assert.Equal(ValueList.Of("ssm:GetParameters"), Statement(role, "Parameters").Actions);
        Assert.Equal(ValueList.Of("arn:aws:ssm:us-east-1:123456789012:parameter/myproj/flag"), Statement(role, "Parameters").Resources);
    }

    [Fact]
    public void Task_role_gets_cdk_grant_read_write_data_on_tables_and_their_indexes()
    {
        var statement = Statement(Seed.Stack().TaskRole!, "DynamoDbReadWriteData");

        Assert.Equal(
            ValueList.Of(
                "dynamodb:BatchGetItem", "dynamodb:Query", "dynamodb:GetItem", "dynamodb:Scan", "dynamodb:ConditionCheckItem",
                "dynamodb:BatchWriteItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:DescribeTable",
                "dynamodb:GetRecords", "dynamodb:GetShardIterator"),
            statement.Actions);
        Assert.Equal(
            ValueList.Of(
                "arn:aws:dynamodb:us-east-1:123456789012:table/myproj-quota-events",
                "arn:aws:dynamodb:us-east-1:123456789012:table/myproj-quota-events/index/*",
                "arn:aws:dynamodb:us-east-1:123456789012:table/myproj-user-quotas",
                "arn:aws:dynamodb:us-east-1:123456789012:table/myproj-user-quotas/index/*"),
            statement.Resources);
    }

    [Fact]
    public void Task_role_gets_cdk_grant_read_write_on_the_bucket_and_its_objects()
    {
        var statement = Statement(Seed.Stack().TaskRole!, "S3ReadWrite");

        Assert.Equal(
            ValueList.Of(
                "s3:GetObject*", "s3:GetBucket*", "s3:List*", "s3:DeleteObject*", "s3:PutObject", "s3:PutObjectLegalHold",
                "s3:PutObjectRetention", "s3:PutObjectTagging", "s3:PutObjectVersionTagging", "s3:Abort*"),
            statement.Actions);
        Assert.Equal(ValueList.Of("arn:aws:s3:::myproj-user-files", "arn:aws:s3:::myproj-user-files/*"), statement.Resources);
    }

    [Fact]
    public void Task_role_reads_granted_secrets_and_opens_exec_channels_only_with_exec_on()
    {
        var secret = "arn:aws:secretsmanager:us-east-1:123456789012:secret:api-123456";
        var on = Seed.Stack(Seed.Properties with { Grants = new Grants([], [], [secret]) }).TaskRole!;
        var off = Seed.Stack(Seed.Properties with { Grants = Grants.None, EnableExecuteCommand = false }).TaskRole!;

        Assert.Equal(ValueList.Of("secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"), Statement(on, "SecretsRead").Actions);
        Assert.Equal(ValueList.Of(secret), Statement(on, "SecretsRead").Resources);
        Assert.Equal(
            ValueList.Of("ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel", "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"),
            Statement(on, "EcsExec").Actions);
        Assert.Empty(off.Statements);
        Assert.Null(off.PolicyDocument);
    }

    [Fact]
    public void Table_and_bucket_arns_are_used_as_given()
    {
        var stack = Seed.Stack(Seed.Properties with
        {
            Grants = new Grants(["arn:aws:dynamodb:eu-west-1:210987654321:table/shared"], ["arn:aws:s3:::shared-bucket"], []),
        });

        Assert.Contains("arn:aws:dynamodb:eu-west-1:210987654321:table/shared/index/*", Statement(stack.TaskRole!, "DynamoDbReadWriteData").Resources);
        Assert.Contains("arn:aws:s3:::shared-bucket/*", Statement(stack.TaskRole!, "S3ReadWrite").Resources);
    }

    [Fact]
    public void Policy_documents_are_rendered_in_a_fixed_order()
    {
        var role = Seed.Stack(Seed.Properties with { Grants = Grants.None }).TaskRole!;

        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[{"Sid":"EcsExec","Effect":"Allow","Action":["ssmmessages:CreateControlChannel","ssmmessages:CreateDataChannel","ssmmessages:OpenControlChannel","ssmmessages:OpenDataChannel"],"Resource":["*"]}]}""",
            role.PolicyDocument);
        Assert.Equal(
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole"}]}""",
            role.TrustPolicyDocument);
    }

    [Fact]
    public void Seed_policies_fit_the_inline_policy_quota()
    {
        var stack = Seed.Stack();

        Assert.InRange(stack.TaskRole!.PolicyDocument!.Length, 1, PolicyDocuments.MaxInlinePolicyCharacters);
        Assert.InRange(stack.ExecutionRole!.PolicyDocument!.Length, 1, PolicyDocuments.MaxInlinePolicyCharacters);
    }
}
