"""Randomised boto3/HTTP workload against a local moto_server (no logging of its own)."""
import random, socket, sys, json, time, io
import boto3, botocore
from botocore.config import Config
import urllib.request

PORT = int(sys.argv[1]); N = int(sys.argv[2]); SEED = int(sys.argv[3])
random.seed(SEED)
EP = f"http://127.0.0.1:{PORT}"
cfg = Config(retries={"max_attempts": 1}, connect_timeout=3, read_timeout=20)
def c(svc, region=None):
    return boto3.client(svc, endpoint_url=EP, region_name=region or random.choice(["us-east-1", "eu-west-1", "ap-south-1"]),
                        aws_access_key_id="testing", aws_secret_access_key="testing", config=cfg)

def raw(data):
    try:
        s = socket.create_connection(("127.0.0.1", PORT), timeout=3); s.sendall(data)
        if random.random() < 0.7:
            s.recv(4096)
        s.close()
    except Exception:
        pass

def http(method, path, host=None, body=None, headers=None):
    req = urllib.request.Request(EP + path, data=body, method=method, headers=headers or {})
    if host: req.add_header("Host", host)
    try: urllib.request.urlopen(req, timeout=20).read()
    except Exception: pass

buckets, queues, tables = [], [], []
def rname(p): return f"{p}-{random.randint(0, 99999)}"

def s3_ops():
    s3 = c("s3", "us-east-1")
    op = random.random()
    if op < 0.2 or not buckets:
        b = rname("bkt"); s3.create_bucket(Bucket=b); buckets.append(b)
    elif op < 0.5:
        s3.put_object(Bucket=random.choice(buckets), Key=rname("key") + random.choice([".txt", "/a b.json", "_ü.bin"]), Body=b"x" * random.randint(0, 3000))
    elif op < 0.65:
        s3.list_objects_v2(Bucket=random.choice(buckets))
    elif op < 0.75:
        s3.get_object(Bucket=random.choice(buckets), Key="missing-" + rname("k"))
    elif op < 0.82:
        s3.head_bucket(Bucket="nobucket-" + rname("x"))
    elif op < 0.9:
        s3.list_buckets()
    else:
        b = buckets.pop(random.randrange(len(buckets)))
        s3.delete_bucket(Bucket=b)

def sqs_ops():
    q = c("sqs")
    op = random.random()
    if op < 0.2 or not queues:
        u = q.create_queue(QueueName=rname("q"))["QueueUrl"]; queues.append(u)
    elif op < 0.55:
        q.send_message(QueueUrl=random.choice(queues), MessageBody="hello " * random.randint(1, 5))
    elif op < 0.75:
        q.receive_message(QueueUrl=random.choice(queues), MaxNumberOfMessages=random.randint(1, 10))
    elif op < 0.85:
        q.get_queue_url(QueueName="ghost-" + rname("q"))
    else:
        q.delete_queue(QueueUrl=queues.pop(random.randrange(len(queues))))

def ddb_ops():
    d = c("dynamodb", "us-east-1")
    op = random.random()
    if op < 0.15 or not tables:
        t = rname("tbl")
        d.create_table(TableName=t, KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}],
                       AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}], BillingMode="PAY_PER_REQUEST")
        tables.append(t)
    elif op < 0.5:
        d.put_item(TableName=random.choice(tables), Item={"id": {"S": rname("i")}, "n": {"N": str(random.randint(1, 9))}})
    elif op < 0.65:
        d.query(TableName=random.choice(tables), KeyConditionExpression="id = :v AND", ExpressionAttributeValues={":v": {"S": "a"}})
    elif op < 0.8:
        d.scan(TableName=random.choice(tables), FilterExpression="n > :x", ExpressionAttributeValues={":x": {"N": "3"}})
    elif op < 0.9:
        d.describe_table(TableName="nosuch-" + rname("t"))
    else:
        d.update_item(TableName=random.choice(tables), Key={"id": {"S": "a"}}, UpdateExpression="SET n = n + :one",
                      ExpressionAttributeValues={":one": {"N": "1"}})

def iam_ops():
    i = c("iam", "us-east-1")
    op = random.random()
    if op < 0.4:
        i.create_user(UserName=rname("user"))
    elif op < 0.6:
        i.get_user(UserName="nouser-" + rname("u"))
    elif op < 0.8:
        i.list_users()
    else:
        i.create_role(RoleName=rname("role"), AssumeRolePolicyDocument="{not json")

def cfn_ops():
    cf = c("cloudformation", "us-east-1")
    rtype = random.choice(["AWS::S3::Bucket"] * 4 + ["AWS::SQS::Queue"] * 4 + ["AWS::Foo::Bar", "Custom::Thing", "AWS::AppSync::GraphQLApi", "AWS::WAFv2::WebACL"])
    tpl = {"Resources": {"R1": {"Type": rtype, "Properties": {}}}}
    cf.create_stack(StackName=rname("stk"), TemplateBody=json.dumps(tpl) if random.random() < 0.9 else "{bad")

def lambda_ops():
    l = c("lambda", "us-east-1")
    l.invoke(FunctionName="nofunc-" + rname("f"))

def misc_http():
    r = random.random()
    if r < 0.25:
        raw(random.choice([b"GARBAGE\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"GET /x HTTP/1.1\r\nHost: a\r\nBad Header Line\r\n\r\n", b"\x16\x03\x01\x00\xa5\x01\x00", b"GET\r\n\r\n", b"BREW /pot HTTP/1.1\r\n\r\n"]))
    elif r < 0.4:
        http("GET", "/", host=random.choice(["zz", "qq", "nope"]) + rname("w") + ".amazonaws.com")
    elif r < 0.55:
        http("GET", "/moto-api/data.json")
    elif r < 0.65:
        http("POST", "/moto-api/reset")
        buckets.clear(); queues.clear(); tables.clear()
    elif r < 0.68:
        http("POST", "/", host="sts.amazonaws.com", body=b"Action=GetCallerIdentity&Version=2011-06-15",
             headers={"Content-Type": "application/x-www-form-urlencoded"})
    elif r < 0.9:
        http("PUT", "/" + rname("p"), body=b"<not xml")
    else:
        raw(b"GET /moto-api/ HTTP/1.1\r\nHost: localhost\r\n")  # dropped half-way

def more_ops():
    r = random.random()
    if r < 0.2:
        c("sns").publish(TopicArn="arn:aws:sns:us-east-1:123456789012:" + rname("nosuch"), Message="m")
    elif r < 0.4:
        t = c("sns", "us-east-1").create_topic(Name=rname("topic"))["TopicArn"]
        c("sns", "us-east-1").publish(TopicArn=t, Message="hello")
    elif r < 0.55:
        c("kms").decrypt(CiphertextBlob=b"not-a-real-blob" + bytes([random.randint(0, 255)]))
    elif r < 0.7:
        c("secretsmanager").get_secret_value(SecretId=rname("sec"))
    elif r < 0.8:
        c("ec2").describe_instances(InstanceIds=["i-" + "%017x" % random.getrandbits(68)])
    elif r < 0.9:
        c("ec2").run_instances(ImageId="ami-12c6146b", MinCount=1, MaxCount=random.randint(1, 2))
    else:
        c("logs").put_log_events(logGroupName=rname("/nogroup"), logStreamName="s", logEvents=[{"timestamp": 1, "message": "x"}])

OPS = [(more_ops, 12), (s3_ops, 30), (sqs_ops, 20), (ddb_ops, 15), (iam_ops, 8), (cfn_ops, 3), (lambda_ops, 3), (misc_http, 12)]
funcs, weights = zip(*OPS)
for _ in range(N):
    f = random.choices(funcs, weights)[0]
    try:
        f()
    except (botocore.exceptions.ClientError, botocore.exceptions.BotoCoreError, ValueError):
        pass
    except Exception:
        pass
