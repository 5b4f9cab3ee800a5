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

    /// <summary>A partial ARN finds the secret, but IAM matches the full one: NAME-?????? as CDK's arnForPolicies.</summary>
    [Fact]
    public void Secrets_given_by_partial_arn_are_granted_with_the_six_character_suffix_left_open()
    {
        var stack = Seed.Stack(Seed.Properties with
        {
            Secrets = new Dictionary<string, string>
            {
                ["DB_PASSWORD"] = "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db:password::",
                ["API_KEY"] = "arn:aws:secretsmanager:us-east-1:123456789012:secret:api-123456",
                ["TOKEN"] = "arn:aws:secretsmanager:us-east-1:123456789012:secret:token",
            },
            Grants = new Grants([], [], ["arn:aws:secretsmanager:us-east-1:123456789012:secret:shared/appconfig", "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf"]),
        });

        Assert.Equal(
            ValueList.Of(
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:api-123456",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-??????",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:token-??????"),
            Statement(stack.ExecutionRole!, "Secrets").Resources);
        Assert.Equal(
            ValueList.Of(
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf",
                "arn:aws:secretsmanager:us-east-1:123456789012:secret:shared/appconfig-??????"),
            Statement(stack.TaskRole!, "SecretsRead").Resources);
    }

    /// <summary>Secrets Manager itself reads a name ending in '-' and six characters as a complete ARN (ARN_secretnamehyphen).</summary>
    [Theory]
    [InlineData("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf", true)]
    [InlineData("arn:aws:secretsmanager:us-east-1:123456789012:secret:app-config", true)]
    [InlineData("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdE", false)]
    [InlineData("arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCd_f", false)]
    [InlineData("arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db", false)]
    public void A_secret_arn_is_complete_when_it_ends_in_a_hyphen_and_six_letters_or_digits(string arn, bool complete) =>
        Assert.Equal(complete, RolePolicies.IsCompleteSecretArn(arn));

    [Fact]
    public void Secret_keys_are_decryptable_only_through_the_services_each_role_reads_secrets_from()
    {
        const string Key = "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
        const string OtherKey = "arn:aws:kms:us-east-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab";
        var stack = Seed.Stack(Seed.Properties with
        {
            Secrets = new Dictionary<string, string>
            {
                ["DB_PASSWORD"] = "arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf",
                ["FLAG"] = "arn:aws:ssm:us-east-1:123456789012:parameter/myproj/flag",
            },
            SecretKmsKeyArns = [OtherKey, Key, Key],
            Grants = new Grants([], [], ["arn:aws:secretsmanager:us-east-1:123456789012:secret:api-123456"]),
        });

        var execution = Statement(stack.ExecutionRole!, "SecretKeysDecrypt");
        var task = Statement(stack.TaskRole!, "SecretKeysDecrypt");

        Assert.Equal((ValueList.Of("kms:Decrypt"), ValueList.Of(Key, OtherKey)), (execution.Actions, execution.Resources));
        Assert.Equal(
            new PolicyCondition("StringEquals", "kms:ViaService", ValueList.Of("secretsmanager.us-east-1.amazonaws.com", "ssm.us-east-1.amazonaws.com")),
            execution.Condition);
        Assert.Equal((ValueList.Of("kms:Decrypt"), ValueList.Of(Key, OtherKey)), (task.Actions, task.Resources));
        Assert.Equal(ValueList.Of("secretsmanager.us-east-1.amazonaws.com"), task.Condition!.Values);
        Assert.Contains(
            """{"Sid":"SecretKeysDecrypt","Effect":"Allow","Action":["kms:Decrypt"],"Resource":["arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab","arn:aws:kms:us-east-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab"],"Condition":{"StringEquals":{"kms:ViaService":["secretsmanager.us-east-1.amazonaws.com"]}}}""",
            stack.TaskRole!.PolicyDocument,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Secret_keys_are_granted_to_no_role_that_reads_no_secret()
    {
        var stack = Seed.Stack(Seed.Properties with
        {
            SecretKmsKeyArns = ["arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"],
            Grants = Grants.None,
        });

        Assert.DoesNotContain(stack.ExecutionRole!.Statements, statement => statement.Sid == "SecretKeysDecrypt");
        Assert.DoesNotContain(stack.TaskRole!.Statements, statement => statement.Sid == "SecretKeysDecrypt");
    }

    [Fact]
    public void Keys_in_the_china_partition_name_both_endpoint_forms()
    {
        var statement = RolePolicies.Task(
            new Grants([], [], ["arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:db-AbCdEf"]),
            ValueList.Of("arn:aws-cn:kms:cn-north-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"),
            enableExecuteCommand: false,
            new AwsEnvironment("aws-cn", "cn-north-1", "123456789012")).Single(s => s.Sid == "SecretKeysDecrypt");

        Assert.Equal(ValueList.Of("secretsmanager.cn-north-1.amazonaws.com", "secretsmanager.cn-north-1.amazonaws.com.cn"), statement.Condition!.Values);
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
            """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ecs-tasks.amazonaws.com"},"Action":"sts:AssumeRole","Condition":{"StringEquals":{"aws:SourceAccount":"123456789012"}}}]}""",
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
