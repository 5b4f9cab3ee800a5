"""The platform team's second ECS cluster beside the seeded network (a service moved to it is replaced under the same
names). Prints the cluster name on stdout."""
import argparse

import boto3


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--name", required=True)
    args = parser.parse_args()
    session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1")
    session.client("ecs", endpoint_url=args.endpoint).create_cluster(clusterName=args.name)
    print(args.name)


if __name__ == "__main__":
    main()
