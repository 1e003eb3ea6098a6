import json
import sys
import boto3

iam = boto3.client('iam', endpoint_url=sys.argv[1], region_name='us-east-1',
                   aws_access_key_id='bootstrap', aws_secret_access_key='bootstrap')
iam.create_user(UserName='r43e')
iam.put_user_policy(UserName='r43e', PolicyName='all', PolicyDocument=json.dumps(
    {'Version': '2012-10-17', 'Statement': [{'Effect': 'Allow', 'Action': '*', 'Resource': '*'}]}))
k = iam.create_access_key(UserName='r43e')['AccessKey']
print(k['AccessKeyId'], k['SecretAccessKey'])
