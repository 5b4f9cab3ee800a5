using static FargateApi.Tests.Properties.PropertyFixtures;

namespace FargateApi.Tests.Properties;

/// <summary>
/// One case per rule: the seed's valid properties with one change ("Path=JSON", several separated by " &amp; ") must give a
/// problem at the named property whose message holds the fragment (usually what is allowed). Removing the rule fails its case.
/// </summary>
public sealed class RuleTests
{
    private static readonly string Long129 = new('a', 129);

    public static TheoryData<string, string, string> Violations => new()
    {
        // Names: lowercase letters, digits, single hyphens, starting with a letter; together short enough for "-tg-g9".
        { "ProjectPrefix=\"My_Proj\"", "ProjectPrefix", "lowercase letters, digits and single hyphens" },
        { "ProjectPrefix=\"1proj\"", "ProjectPrefix", "starting with a letter" },
        { "ProjectPrefix=\"\"", "ProjectPrefix", "must not be empty" },
        { "ServiceName=\"app-\"", "ServiceName", "not ending with a hyphen" },
        { "ServiceName=\"app--api\"", "ServiceName", "single hyphens" },
        { "ServiceName=\"app_api\"", "ServiceName", "'app_api' is not valid" },
        { "ProjectPrefix=\"abcdefghijklm\" & ServiceName=\"nopqrstuvwxyz\"", "ServiceName", "at most 25, because the target group name of a replacement ('abcdefghijklm-nopqrstuvwxyz-tg-g9', 33 characters) must fit ELB's 32" },
        { "ProjectPrefix=\"abcdefghijklmnopqrstuvwxy\"", "ProjectPrefix", "at most 24" },
        // AWS's own rules on every derived name (AwsNameRules), reported on the property to change.
        { "ProjectPrefix=\"sg\"", "ProjectPrefix", "'sg' makes the security group name 'sg-app-api-ecs-sg': it starts with 'sg-', which EC2 refuses; allowed: any ProjectPrefix but 'sg' or one starting with 'sg-'" },
        { "ProjectPrefix=\"sg-team\"", "ProjectPrefix", "'sg-team' makes the security group name 'sg-team-app-api-ecs-sg': it starts with 'sg-'" },
        { "Environment=\"\"", "Environment", "must not be empty" },
        { "Environment=\"Prod\"", "Environment", "lowercase letters, digits and hyphens" },
        // CPU and memory.
        { "Cpu=\"300\"", "Cpu", "300 is not allowed; allowed: 256, 512, 1024, 2048, 4096, 8192, 16384" },
        { "Cpu=\"256\" & Memory=\"4096\"", "Memory", "4096 is not allowed with Cpu 256; allowed: 512, 1024, 2048" },
        { "Cpu=\"512\" & Memory=\"1536\"", "Memory", "allowed: 1024 to 4096 in steps of 1024" },
        { "Cpu=\"1024\" & Memory=\"1024\"", "Memory", "allowed: 2048 to 8192 in steps of 1024" },
        { "Cpu=\"2048\" & Memory=\"17408\"", "Memory", "allowed: 4096 to 16384 in steps of 1024" },
        { "Cpu=\"4096\" & Memory=\"31744\"", "Memory", "allowed: 8192 to 30720 in steps of 1024" },
        { "Cpu=\"8192\" & Memory=\"18432\"", "Memory", "allowed: 16384 to 61440 in steps of 4096" },
        { "Cpu=\"16384\" & Memory=\"36864\"", "Memory", "allowed: 32768 to 122880 in steps of 8192" },
        { "Memory=\"100\"", "Memory", "out of range; allowed: 512 to 122880" },
        // Image.
        { "Image=\"123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1\"", "Image", "a full image URI excludes ImageRepository and ImageTag; remove ImageTag or Image" },
        { "Image=\"nginx:1\" & ImageTag=null & ImageRepository=\"x/y\"", "Image", "remove ImageRepository or Image" },
        { "Image=\"my image\" & ImageTag=null", "Image", "'my image' is not valid; expected a full image URI" },
        { "Image=\"repo@sha256:abc\" & ImageTag=null", "Image", "is not valid" },
        { "ImageTag=\".hidden\"", "ImageTag", "not starting with '.' or '-'" },
        { $"ImageTag=\"{Long129}\"", "ImageTag", "(129 characters); at most 128" },
        { "ImageRepository=\"Upper/Case\"", "ImageRepository", "an ECR repository name" },
        // Ports.
        { "ContainerPort=\"0\"", "ContainerPort", "0 is out of range; allowed: 1 to 65535" },
        { "ContainerPort=65536", "ContainerPort", "allowed: 1 to 65535" },
        // Variables and secrets.
        { "EnvironmentVariables={\"1BAD\": \"x\"}", "EnvironmentVariables.1BAD", "'1BAD' is not a valid name; expected letters, digits and '_'" },
        { "EnvironmentVariables={\"A\": {\"x\": 1}}", "EnvironmentVariables.A", "expected a string value, got an object" },
        { "EnvironmentVariables=[\"A=1\"]", "EnvironmentVariables", "expected an object of name/value strings, got a list" },
        { "Secrets={\"DB_PASSWORD\": \"my-password\"}", "Secrets.DB_PASSWORD", "is not a Secrets Manager secret ARN or SSM parameter ARN (value not shown: it may be a secret); expected arn:<partition>:secretsmanager:" },
        { "Secrets={\"DB_PASSWORD\": \"arn:aws:s3:::bucket/key\"}", "Secrets.DB_PASSWORD", "or arn:<partition>:ssm:<region>:<account>:parameter/<name>" },
        { "Secrets={\"INFERENCE_API_URL\": \"arn:aws:ssm:us-east-1:123456789012:parameter/x\"}", "Secrets.INFERENCE_API_URL", "also set in EnvironmentVariables" },
        { "SecretKmsKeyArns=[\"arn:aws:kms:us-east-1:123456789012:alias/db\"]", "SecretKmsKeyArns[0]", "a KMS key ARN (arn:aws:kms:<region>:<account>:key/<key id>); an alias cannot name a key in an IAM policy" },
        { "SecretKmsKeyArns=[\"1234abcd-12ab-34cd-56ef-1234567890ab\"]", "SecretKmsKeyArns[0]", "a KMS key ARN" },
        { "SecretKmsKeyArns=\"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\"", "SecretKmsKeyArns", "expected a list of strings" },
        // Container health check (ECS).
        { "HealthCheck.IntervalSeconds=\"4\"", "HealthCheck.IntervalSeconds", "allowed: 5 to 300" },
        { "HealthCheck.IntervalSeconds=\"301\"", "HealthCheck.IntervalSeconds", "allowed: 5 to 300" },
        { "HealthCheck.TimeoutSeconds=\"1\"", "HealthCheck.TimeoutSeconds", "allowed: 2 to 60" },
        { "HealthCheck.TimeoutSeconds=\"61\"", "HealthCheck.TimeoutSeconds", "allowed: 2 to 60" },
        { "HealthCheck.Retries=\"0\"", "HealthCheck.Retries", "allowed: 1 to 10" },
        { "HealthCheck.Retries=\"11\"", "HealthCheck.Retries", "allowed: 1 to 10" },
        { "HealthCheck.StartPeriodSeconds=\"-1\"", "HealthCheck.StartPeriodSeconds", "allowed: 0 to 300" },
        { "HealthCheck.StartPeriodSeconds=\"301\"", "HealthCheck.StartPeriodSeconds", "allowed: 0 to 300" },
        { "HealthCheck.Command=[\"curl\"]", "HealthCheck.Command", "has 1 items; at least 2 needed" },
        { "HealthCheck.Command=[\"RUN\", \"curl x\"]", "HealthCheck.Command[0]", "the command starts with CMD or CMD-SHELL" },
        { "HealthCheck=\"curl\"", "HealthCheck", "expected an object, got the string 'curl'" },
        // Logs.
        { "LogRetentionDays=\"2\"", "LogRetentionDays", "allowed: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653" },
        { "LogRemovalPolicy=\"Delete\"", "LogRemovalPolicy", "'Delete' is not allowed; allowed: Destroy, Retain" },
        // Network.
        { "Network.VpcId=\"vpc-xyz\"", "Network.VpcId", "'vpc-' followed by 8 or 17 lowercase hex digits" },
        { "Network.SubnetIds=[\"subnet-123\"]", "Network.SubnetIds[0]", "'subnet-' followed by 8 or 17" },
        { "Network.SubnetIds=\"subnet-0123abcd,subnet-4567cdef\"", "Network.SubnetIds", "expected a list of strings, got the string 'subnet-0123abcd,subnet-4567cdef'; a comma-separated string is not accepted" },
        { "Network.SubnetIds=[]", "Network.SubnetIds", "at least 1 needed" },
        { "Network.LoadBalancerSecurityGroupId=\"sg-XYZ12345\"", "Network.LoadBalancerSecurityGroupId", "'sg-' followed by" },
        { "Network.ListenerArn=\"arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188\"", "Network.ListenerArn", "listener ARN" },
        { "Network.ClusterName=\"my cluster\"", "Network.ClusterName", "letters, digits, '_' and '-'" },
        { "Network.ParameterPrefix=\"myproj/network\"", "Network.ParameterPrefix", "an SSM path" },
        { "Network.Subnets=[\"subnet-0123abcd\"]", "Network.Subnets", "did you mean Network.SubnetIds?" },
        // Service and deployment.
        { "DesiredCount=\"-1\"", "DesiredCount", "allowed: at least 0" },
        { "Deployment.MinimumHealthyPercent=\"101\"", "Deployment.MinimumHealthyPercent", "allowed: 0 to 100" },
        { "Deployment.MaximumPercent=\"99\"", "Deployment.MaximumPercent", "allowed: 100 to 200" },
        { "Deployment.MaximumPercent=\"201\"", "Deployment.MaximumPercent", "allowed: 100 to 200" },
        { "Deployment.MaximumPercent=\"100\"", "Deployment.MaximumPercent", "100 must be above MinimumHealthyPercent 100" },
        { "Deployment.HealthCheckGracePeriodSeconds=\"-1\"", "Deployment.HealthCheckGracePeriodSeconds", "allowed: at least 0" },
        { "Deployment.HealthCheckGracePeriodSeconds=\"2147483648\"", "Deployment.HealthCheckGracePeriodSeconds", "2147483648 is out of range" },
        { "EnableExecuteCommand=\"yes\"", "EnableExecuteCommand", "expected true or false, got the string 'yes'" },
        { "WaitForSteadyState=1", "WaitForSteadyState", "expected true or false, got the number '1'" },
        // Target group health check (ELB).
        { "TargetHealthCheck.Path=\"health\"", "TargetHealthCheck.Path", "a path starting with '/'" },
        { "TargetHealthCheck.Path=\"/" + "x" + "\" & TargetHealthCheck.Path=\"/a b\"", "TargetHealthCheck.Path", "without spaces" },
        { "TargetHealthCheck.IntervalSeconds=\"4\"", "TargetHealthCheck.IntervalSeconds", "allowed: 5 to 300" },
        { "TargetHealthCheck.TimeoutSeconds=\"1\"", "TargetHealthCheck.TimeoutSeconds", "allowed: 2 to 120" },
        { "TargetHealthCheck.TimeoutSeconds=\"121\"", "TargetHealthCheck.TimeoutSeconds", "allowed: 2 to 120" },
        { "TargetHealthCheck.TimeoutSeconds=\"30\"", "TargetHealthCheck.TimeoutSeconds", "30 must be less than IntervalSeconds 30" },
        { "TargetHealthCheck.HealthyThresholdCount=\"1\"", "TargetHealthCheck.HealthyThresholdCount", "allowed: 2 to 10" },
        { "TargetHealthCheck.UnhealthyThresholdCount=\"11\"", "TargetHealthCheck.UnhealthyThresholdCount", "allowed: 2 to 10" },
        { "TargetHealthCheck.HealthyHttpCodes=\"600\"", "TargetHealthCheck.HealthyHttpCodes", "codes must be 200-499" },
        { "TargetHealthCheck.HealthyHttpCodes=\"200,199\"", "TargetHealthCheck.HealthyHttpCodes", "has '199'" },
        { "TargetHealthCheck.HealthyHttpCodes=\"299-200\"", "TargetHealthCheck.HealthyHttpCodes", "ranges low-high" },
        { "TargetHealthCheck.HealthyHttpCodes=\"ok\"", "TargetHealthCheck.HealthyHttpCodes", "such as \"200\", \"200,202\" or \"200-299\"" },
        { "DeregistrationDelaySeconds=\"3601\"", "DeregistrationDelaySeconds", "allowed: 0 to 3600" },
        // Listener rule.
        { "Priority=\"0\"", "Priority", "allowed: 1 to 50000" },
        { "Priority=\"50001\"", "Priority", "allowed: 1 to 50000" },
        { "PathPatterns=[\"\"]", "PathPatterns[0]", "must not be empty" },
        { "PathPatterns=[\"/a b\"]", "PathPatterns[0]", "'/a b' is not valid" },
        { $"PathPatterns=[\"/{Long129}\"]", "PathPatterns[0]", "at most 128" },
        { "PathPatterns=\"/api/*,/v2/*\"", "PathPatterns", "a comma-separated string is not accepted" },
        { "PathPatterns=[\"/a\",\"/b\",\"/c\",\"/d\",\"/e\",\"/f\"]", "PathPatterns", "has 6 items; at most 5 allowed" },
        { "PathPatterns=[\"/a\",\"/b\",\"/c\"] & HostHeaders=[\"a.example.com\",\"b.example.com\",\"c.example.com\"]", "PathPatterns", "give 6 condition values; an ALB rule allows at most 5" },
        { "PathPatterns=[\"/a/*/*\",\"/b/*?\"] & HostHeaders=[\"*.example.com\", \"?.example.org\"]", "PathPatterns", "hold 6 wildcards (* or ?); an ALB rule allows at most 5" },
        { "PathPatterns=[] & HostHeaders=[]", "PathPatterns", "needs at least one path pattern or host header" },
        { "HostHeaders=[\"localhost\"]", "HostHeaders[0]", "with at least one '.'" },
        { "HostHeaders=[\"example.c0m\"]", "HostHeaders[0]", "only letters after the last '.'" },
        { "HostHeaders=[\"exa mple.com\"]", "HostHeaders[0]", "is not valid" },
        { $"HostHeaders=[\"{Long129}.com\"]", "HostHeaders[0]", "at most 128" },
        // Auto scaling.
        { "AutoScaling.MinCapacity=\"2\"", "AutoScaling.MinCapacity", "2 is above DesiredCount 1; MinCapacity ≤ DesiredCount (1) ≤ MaxCapacity" },
        { "DesiredCount=\"3\" & AutoScaling.MaxCapacity=\"2\"", "AutoScaling.MaxCapacity", "2 is below DesiredCount 3" },
        { "AutoScaling.MaxCapacity=\"0\"", "AutoScaling.MaxCapacity", "allowed: at least 1" },
        { "AutoScaling.MinCapacity=\"-1\"", "AutoScaling.MinCapacity", "allowed: at least 0" },
        { "AutoScaling.CpuTargetPercent=\"0\"", "AutoScaling.CpuTargetPercent", "allowed: 1 to 100" },
        { "AutoScaling.MemoryTargetPercent=\"101\"", "AutoScaling.MemoryTargetPercent", "allowed: 1 to 100" },
        { "AutoScaling.RequestsPerTarget=\"0\"", "AutoScaling.RequestsPerTarget", "allowed: at least 1" },
        { "AutoScaling.ScaleInCooldownSeconds=\"-1\"", "AutoScaling.ScaleInCooldownSeconds", "allowed: at least 0" },
        { "AutoScaling.ScaleOutCooldownSeconds=\"-5\"", "AutoScaling.ScaleOutCooldownSeconds", "allowed: at least 0" },
        // Grants.
        { "Grants.DynamoDbTables=[\"ab\"]", "Grants.DynamoDbTables[0]", "a DynamoDB table name" },
        { "Grants.DynamoDbTables=[\"arn:aws:dynamodb:us-east-1:123456789012:stream/x\"]", "Grants.DynamoDbTables[0]", "or a table ARN" },
        { "Grants.S3Buckets=[\"My_Bucket\"]", "Grants.S3Buckets[0]", "an S3 bucket name" },
        { "Grants.S3Buckets=[\"-bucket\"]", "Grants.S3Buckets[0]", "an S3 bucket name" },
        { "Grants.SecretArns=[\"arn:aws:ssm:us-east-1:123456789012:parameter/x\"]", "Grants.SecretArns[0]", "a Secrets Manager ARN" },
        // Roles.
        { "TaskRoleArn=\"arn:aws:iam::123:role/x\"", "TaskRoleArn", "an IAM role ARN" },
        { "TaskRoleArn=\"arn:aws:iam::123456789012:user/x\"", "TaskRoleArn", "an IAM role ARN" },
        { "ExecutionRoleArn=\"arn:aws-xx:iam::123456789012:role/x\"", "ExecutionRoleArn", "an IAM role ARN" },
        // Tags.
        { "Tags={\"aws:owner\": \"me\"}", "Tags.aws:owner", "not starting with 'aws:'" },
        { "Tags={\"AWS:Owner\": \"me\"}", "Tags.AWS:Owner", "not starting with 'aws:'" },
        { "Tags={\"fargate-api:project-prefix\": \"globex\"}", "Tags.fargate-api:project-prefix", "or 'fargate-api:' (in any case)" },
        { "Tags={\"Fargate-API:Managed-By\": \"me\"}", "Tags.Fargate-API:Managed-By", "or 'fargate-api:' (in any case)" },
        { $"Tags={{\"{Long129}\": \"me\"}}", "Tags." + new string('a', 60) + "…", "the name is too long (129 characters); at most 128" },
        { $"Tags={{\"Owner\": \"{new string('v', 257)}\"}}", "Tags.Owner", "(257 characters); at most 256" },
        { "Tags=[\"Owner=me\"]", "Tags", "expected an object of name/value strings" },
        // Tag characters: AWS's TagKey/TagValue pattern ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$ (aws-models ecs, elbv2, logs).
        { "Tags={\"team\": \"api\\r\\nSet-Cookie: a=b\"}", "Tags.team", "'api??Set-Cookie: a=b' is not valid; expected letters, digits and spaces (any script) and _.:/=+-@, or nothing" },
        { "Tags={\"team\": \"<script>alert(1)</script>\"}", "Tags.team", "'<script>alert(1)</script>' is not valid; expected letters, digits and spaces" },
        { "Tags={\"team\": \"a;b\"}", "Tags.team", "'a;b' is not valid" },
        { "Tags={\"team\": \"tab\\there\"}", "Tags.team", "'tab?here' is not valid" },
        { $"Tags={{\"team\": \"{new string('<', 100)}\"}}", "Tags.team", $"'{new string('<', 60)}'… (100 characters) is not valid" },
        { "Tags={\"team<x>\": \"api\"}", "Tags.team<x>", "'team<x>' is not a valid name; expected 1-128 letters, digits and spaces (any script) and _.:/=+-@, not starting with 'aws:'" },
        { "Tags={\"cost center!\": \"api\"}", "Tags.cost center!", "is not a valid name" },
        { "Tags={\"team\\r\\nSet-Cookie: a=b\": \"api\"}", "Tags.team??Set-Cookie: a=b", "'team??Set-Cookie: a=b' is not a valid name" },
        // CloudFormation's own.
        { "ServiceTimeout=\"0\"", "ServiceTimeout", "allowed: 1 to 3600" },
        { "ServiceTimeout=\"3601\"", "ServiceTimeout", "allowed: 1 to 3600" },
        // Wrong JSON kinds.
        { "Cpu={}", "Cpu", "expected a whole number, got an object" },
        { "Cpu=1.5", "Cpu", "expected a whole number, got the number '1.5'" },
        { "Cpu=\"512MB\"", "Cpu", "expected a whole number, got the string '512MB'" },
        { "Cpu=true", "Cpu", "expected a whole number, got true" },
        { "ProjectPrefix=[\"myproj\"]", "ProjectPrefix", "expected a string, got a list" },
        { "PathPatterns={}", "PathPatterns", "expected a list of strings, got an object" },
        { "PathPatterns=[[\"/a\"]]", "PathPatterns[0]", "expected a string, got a list" },
        { "AutoScaling=[]", "AutoScaling", "expected an object, got a list" },
    };

    [Theory]
    [MemberData(nameof(Violations))]
    public void Violation_names_the_property_the_value_and_what_is_allowed(string changes, string property, string fragment)
    {
        var result = Read(Changed(changes));

        Problem(result, property, fragment);
    }

    public static TheoryData<string> Allowed => new()
    {
        "ProjectPrefix=\"abcdefghijkl\" & ServiceName=\"nopqrstuvwxyz\"",
        "ProjectPrefix=\"sgx\"",
        "ProjectPrefix=\"team-sg\" & ServiceName=\"sg\"",
        "Cpu=\"256\" & Memory=\"2048\"",
        "Cpu=\"8192\" & Memory=\"61440\"",
        "Cpu=\"16384\" & Memory=\"122880\"",
        "ProjectPrefix=\"sgx\"",
        "ProjectPrefix=\"team-sg\" & ServiceName=\"sg\"",
        "Cpu=\"4096\" & Memory=\"30720\"",
        "Image=\"repo@sha256:" + new string('a', 64) + "\" & ImageTag=null",
        "ContainerPort=\"65535\" & HealthCheck.Command=null",
        "Secrets={\"DB_PASSWORD\": \"arn:aws-cn:ssm:cn-north-1:123456789012:parameter/db/password\"}",
        "Secrets={\"DB\": \"arn:aws-us-gov:secretsmanager:us-gov-west-1:123456789012:secret:db-AbC:password::\"}",
        "SecretKmsKeyArns=[\"arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab\", \"arn:aws-us-gov:kms:us-gov-west-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab\"]",
        "HealthCheck.TimeoutSeconds=\"60\" & HealthCheck.StartPeriodSeconds=\"0\"",
        "Deployment.MinimumHealthyPercent=\"0\" & Deployment.MaximumPercent=\"100\"",
        "TargetHealthCheck.HealthyHttpCodes=\"200,202,300-399\"",
        "TargetHealthCheck.TimeoutSeconds=\"29\"",
        "PathPatterns=[\"/a/*\",\"/b/*\"] & HostHeaders=[\"*.example.com\",\"api.example.com\",\"x?.example.com\"]",
        "PathPatterns=[] & HostHeaders=[\"api.example.com\"]",
        "Priority=\"50000\"",
        "DeregistrationDelaySeconds=\"0\"",
        "LogRetentionDays=\"3653\"",
        "Grants.DynamoDbTables=[\"arn:aws:dynamodb:us-east-1:123456789012:table/my.table_1\"]",
        "Grants.S3Buckets=[\"arn:aws:s3:::my.bucket-1\", \"abc\"]",
        "TaskRoleArn=\"arn:aws:iam::123456789012:role/service/app-task\"",
        "Network.ListenerArn=\"arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/web/50dc6c495c0c9188/f2f7dc8efc522ab2\"",
        "Network.ClusterName=\"My_Cluster-1\" & Network.ParameterPrefix=\"/shared/net.work\"",
        "Network.LoadBalancerSecurityGroupId=\"sg-0123456789abcdef0\"",
        "Environment=\"prod-eu-1\"",
        "AutoScaling.MinCapacity=\"0\" & AutoScaling.MaxCapacity=\"1\"",
        "Tags={\"Cost Center\": \"a_b.c:d/e=f+g-h@i 42\", \"équipe\": \"Zürich 東京 ١٢٣\", \"empty\": \"\", \"awsome:x\": \"v\"}",
    };

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Values_at_the_edges_of_the_rules_are_accepted(string changes)
    {
        Valid(Read(Changed(changes)));
    }

    [Fact]
    public void Tags_leave_room_for_the_providers_five_tags_on_a_role()
    {
        var tags = string.Join(", ", Enumerable.Range(0, 46).Select(i => $"\"k{i}\": \"v\""));

        Problem(Read(Changed("Tags={" + tags + "}")), "Tags", "has 46 entries; at most 45 allowed");
        Valid(Read(Changed("Tags={" + string.Join(", ", Enumerable.Range(0, 45).Select(i => $"\"k{i}\": \"v\"")) + "}")));
    }
}
