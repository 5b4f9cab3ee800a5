"""Reads back, independently of the provider (boto3, not our clients), what moto_server holds of one
Custom::FargateApi stack, and prints it as one JSON object for the C# assertions. Finds our resources by our
ownership tags (fargate-api:stack-id) and by the names the provider gives them, so a leak shows under either."""
import argparse
import json

import boto3
from botocore.exceptions import ClientError

STACK_TAG = "fargate-api:stack-id"


def tags_of(pairs, key="Key", value="Value"):
    return {pair[key]: pair[value] for pair in pairs or []}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--stack-id", required=True)
    parser.add_argument("--cluster", required=True)
    parser.add_argument("--listener-arn", required=True)
    parser.add_argument("--vpc-id", required=True)
    parser.add_argument("--name-prefix", required=True, help="what every name the provider gives starts with, e.g. acme-test-api")
    parser.add_argument("--log-group", required=True)
    args = parser.parse_args()
    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1")

    def client(name):
        return session.client(name, endpoint_url=args.endpoint)

    ecs, elb, ec2, iam, logs, scaling = client("ecs"), client("elbv2"), client("ec2"), client("iam"), client("logs"), client("application-autoscaling")
    ours = lambda tags: tags.get(STACK_TAG) == args.stack_id  # noqa: E731
    out = {"errors": []}

    # ECS services: every ACTIVE one in the cluster, with its tags.
    services = []
    arns = ecs.list_services(cluster=args.cluster).get("serviceArns", [])
    if arns:
        for service in ecs.describe_services(cluster=args.cluster, services=arns, include=["TAGS"])["services"]:
            service["tagMap"] = tags_of(service.get("tags"), "key", "value")
            services.append(service)
    out["services"] = services

    # Task definitions: every ACTIVE revision whose family starts with our prefix, with tags. Listed unfiltered and
    # filtered here: moto 5.2.1 matches familyPrefix exactly (ecs/models.py list_task_definitions), AWS as a prefix.
    task_definitions = []
    for arn in ecs.list_task_definitions(status="ACTIVE").get("taskDefinitionArns", []):
        if not arn.split("/")[-1].startswith(args.name_prefix):
            continue
        described = ecs.describe_task_definition(taskDefinition=arn, include=["TAGS"])
        definition = described["taskDefinition"]
        definition["tagMap"] = tags_of(described.get("tags"), "key", "value")
        task_definitions.append(definition)
    out["taskDefinitions"] = task_definitions

    # Log groups under our name, with retention and tags.
    groups = []
    for group in logs.describe_log_groups(logGroupNamePrefix=args.log_group).get("logGroups", []):
        group["tagMap"] = logs.list_tags_for_resource(resourceArn=group["arn"].removesuffix(":*")).get("tags", {})
        groups.append(group)
    out["logGroups"] = groups

    # IAM roles named after the service, with inline policies and tags.
    roles = []
    for role in iam.list_roles().get("Roles", []):
        if not role["RoleName"].startswith(args.name_prefix):
            continue
        name = role["RoleName"]
        role["tagMap"] = tags_of(iam.list_role_tags(RoleName=name).get("Tags"))
        role["inlinePolicies"] = {
            policy: iam.get_role_policy(RoleName=name, PolicyName=policy)["PolicyDocument"]
            for policy in iam.list_role_policies(RoleName=name).get("PolicyNames", [])
        }
        role["attachedPolicies"] = [p["PolicyArn"] for p in iam.list_attached_role_policies(RoleName=name).get("AttachedPolicies", [])]
        role.pop("CreateDate", None)
        roles.append(role)
    out["roles"] = roles

    # Security groups of the VPC other than the seed's, with ingress and tags.
    groups = []
    for group in ec2.describe_security_groups(Filters=[{"Name": "vpc-id", "Values": [args.vpc_id]}])["SecurityGroups"]:
        group["tagMap"] = tags_of(group.get("Tags"))
        groups.append(group)
    out["securityGroups"] = groups

    # Target groups of the VPC, with attributes and tags.
    target_groups = []
    for group in elb.describe_target_groups().get("TargetGroups", []):
        if group.get("VpcId") != args.vpc_id:
            continue
        arn = group["TargetGroupArn"]
        group["attributes"] = {a["Key"]: a["Value"] for a in elb.describe_target_group_attributes(TargetGroupArn=arn)["Attributes"]}
        group["tagMap"] = tags_of(elb.describe_tags(ResourceArns=[arn])["TagDescriptions"][0].get("Tags"))
        target_groups.append(group)
    out["targetGroups"] = target_groups

    # Listener rules other than the default, with tags.
    rules = []
    for rule in elb.describe_rules(ListenerArn=args.listener_arn)["Rules"]:
        if rule.get("IsDefault"):
            continue
        try:
            rule["tagMap"] = tags_of(elb.describe_tags(ResourceArns=[rule["RuleArn"]])["TagDescriptions"][0].get("Tags"))
        except ClientError as error:
            out["errors"].append(f"DescribeTags(rule): {error}")
            rule["tagMap"] = {}
        rules.append(rule)
    out["rules"] = rules

    # Application Auto Scaling: ECS scalable targets and policies.
    # Their tags cannot be read back: moto 5.2.1 ignores RegisterScalableTarget's Tags and does not implement
    # ListTagsForResource (HTTP 500; moto/applicationautoscaling/responses.py has no tag operation).
    out["scalableTargets"] = scaling.describe_scalable_targets(ServiceNamespace="ecs").get("ScalableTargets", [])
    out["scalingPolicies"] = scaling.describe_scaling_policies(ServiceNamespace="ecs").get("ScalingPolicies", [])

    out["ours"] = {
        "services": [s["serviceName"] for s in services if s.get("status") == "ACTIVE" and ours(s["tagMap"])],
        "taskDefinitions": [t["taskDefinitionArn"] for t in task_definitions if ours(t["tagMap"])],
        "logGroups": [g["logGroupName"] for g in out["logGroups"] if ours(g["tagMap"])],
        "roles": [r["RoleName"] for r in roles if ours(r["tagMap"])],
        "securityGroups": [g["GroupId"] for g in groups if ours(g["tagMap"])],
        "targetGroups": [g["TargetGroupArn"] for g in target_groups if ours(g["tagMap"])],
        "rules": [r["RuleArn"] for r in rules if ours(r["tagMap"])],
    }
    print(json.dumps(out, default=str))


if __name__ == "__main__":
    main()
