"""Creates an IAM user allowed everything and prints its access key as JSON: with moto's request authentication on
(POST /moto-api/reset-auth), moto checks each request's SigV4 signature against this key and its policy against the
action (moto/iam/access_control.py, check_signature)."""
import argparse
import json

import boto3


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--endpoint", required=True)
    parser.add_argument("--user", required=True)
    args = parser.parse_args()
    iam = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1").client(
        "iam", endpoint_url=args.endpoint
    )
    iam.create_user(UserName=args.user)
    policy = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}
    iam.put_user_policy(UserName=args.user, PolicyName="everything", PolicyDocument=json.dumps(policy))
    key = iam.create_access_key(UserName=args.user)["AccessKey"]
    print(json.dumps({"AccessKeyId": key["AccessKeyId"], "SecretAccessKey": key["SecretAccessKey"]}))


if __name__ == "__main__":
    main()
