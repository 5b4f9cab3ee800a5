"""Seeds moto_server with the shared network the seed's network stack would have made (ecs-fargate-patterns.md):
a VPC, two private subnets, an ECS cluster, an internet-facing ALB with its security group and an HTTP listener
whose default action is a fixed response, and the six SSM parameters /<prefix>/network/*.
Prints the ids as one JSON object on stdout."""
import argparse
import json

import boto3


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--prefix", required=True, help="ProjectPrefix: parameters go under /<prefix>/network/")
    parser.add_argument("--foreign-rule-priority", type=int, help="also put someone else's rule on the listener at this priority")
    args = parser.parse_args()
    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1")

    def client(name):
        return session.client(name, endpoint_url=args.endpoint)

    ec2, ecs, elb, ssm = client("ec2"), client("ecs"), client("elbv2"), client("ssm")
    vpc_id = ec2.create_vpc(CidrBlock="10.40.0.0/16")["Vpc"]["VpcId"]
    zones = ["us-east-1a", "us-east-1b"]
    subnets = [
        ec2.create_subnet(VpcId=vpc_id, CidrBlock=f"10.40.{index}.0/24", AvailabilityZone=zone)["Subnet"]["SubnetId"]
        for index, zone in enumerate(zones)
    ]
    cluster_name = f"{args.prefix}-cluster"
    ecs.create_cluster(clusterName=cluster_name)
    alb_sg = ec2.create_security_group(GroupName=f"{args.prefix}-alb", Description="ALB", VpcId=vpc_id)["GroupId"]
    ec2.authorize_security_group_ingress(
        GroupId=alb_sg, IpPermissions=[{"IpProtocol": "tcp", "FromPort": 80, "ToPort": 80, "IpRanges": [{"CidrIp": "0.0.0.0/0"}]}]
    )
    balancer = elb.create_load_balancer(
        Name=f"{args.prefix}-alb", Subnets=subnets, SecurityGroups=[alb_sg], Scheme="internet-facing", Type="application"
    )["LoadBalancers"][0]
    listener = elb.create_listener(
        LoadBalancerArn=balancer["LoadBalancerArn"],
        Protocol="HTTP",
        Port=80,
        DefaultActions=[{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404", "ContentType": "text/plain", "MessageBody": "not found"}}],
    )["Listeners"][0]
    if args.foreign_rule_priority is not None:
        elb.create_rule(
            ListenerArn=listener["ListenerArn"],
            Priority=args.foreign_rule_priority,
            Conditions=[{"Field": "path-pattern", "PathPatternConfig": {"Values": ["/other/*"]}}],
            Actions=[{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "200", "ContentType": "text/plain", "MessageBody": "other"}}],
        )
    values = {
        "vpc-id": vpc_id,
        "availability-zones": ",".join(zones),
        "private-subnet-ids": ",".join(subnets),
        "ecs-cluster-name": cluster_name,
        "alb-listener-arn": listener["ListenerArn"],
        "alb-security-group-id": alb_sg,
    }
    for name, value in values.items():
        ssm.put_parameter(Name=f"/{args.prefix}/network/{name}", Value=value, Type="String", Overwrite=True)
    values["load-balancer-arn"] = balancer["LoadBalancerArn"]
    print(json.dumps(values))


if __name__ == "__main__":
    main()
