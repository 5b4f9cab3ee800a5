"""What a platform team does when it moves services: a new ECS cluster and a new HTTP listener (port 8080) on the same
ALB, and the /<prefix>/network/ parameters pointed at them. Prints the new ids as one JSON object on stdout."""
import argparse
import json

import boto3


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--prefix", required=True)
    parser.add_argument("--load-balancer-arn", required=True)
    args = parser.parse_args()
    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1")
    ecs, elb, ssm = (session.client(name, endpoint_url=args.endpoint) for name in ("ecs", "elbv2", "ssm"))
    cluster_name = f"{args.prefix}-cluster-next"
    ecs.create_cluster(clusterName=cluster_name)
    listener = elb.create_listener(
        LoadBalancerArn=args.load_balancer_arn,
        Protocol="HTTP",
        Port=8080,
        DefaultActions=[{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404", "ContentType": "text/plain", "MessageBody": "not found"}}],
    )["Listeners"][0]
    values = {"ecs-cluster-name": cluster_name, "alb-listener-arn": listener["ListenerArn"]}
    for name, value in values.items():
        ssm.put_parameter(Name=f"/{args.prefix}/network/{name}", Value=value, Type="String", Overwrite=True)
    print(json.dumps(values))


if __name__ == "__main__":
    main()
