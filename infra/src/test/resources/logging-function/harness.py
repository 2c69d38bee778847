"""Runs the Bedrock-logging custom resource handler (extracted from template.yaml) against a stub Bedrock API.

Usage: python3 harness.py INDEX_PY. Prints one 'PASS <case>' line per case; any failed expectation exits non-zero.
"""
import json
import sys
import types


class ClientError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.response = {"Error": {"Code": code}}


class FakeBedrock:
    def __init__(self):
        self.reset(None)

    def reset(self, current, failures=0, error="ValidationException"):
        self.current = current
        self.calls = []
        self.failures = failures
        self.error = error

    def get_model_invocation_logging_configuration(self):
        self.calls.append("get")
        return {"loggingConfig": self.current} if self.current else {}

    def put_model_invocation_logging_configuration(self, loggingConfig):
        self.calls.append("put")
        if self.failures:
            self.failures -= 1
            raise ClientError(self.error)
        self.current = loggingConfig

    def delete_model_invocation_logging_configuration(self):
        self.calls.append("delete")
        self.current = None


bedrock = FakeBedrock()
boto3 = types.ModuleType("boto3")
boto3.client = lambda name: bedrock
botocore = types.ModuleType("botocore")
exceptions = types.ModuleType("botocore.exceptions")
exceptions.ClientError = ClientError
sys.modules.update({"boto3": boto3, "botocore": botocore, "botocore.exceptions": exceptions})

index = types.ModuleType("index")
with open(sys.argv[1]) as f:
    exec(compile(f.read(), "index.py", "exec"), index.__dict__)

responses = []
index.urllib.request.urlopen = lambda req, timeout: responses.append((req.get_method(), req.full_url, json.loads(req.data)))
index.time.sleep = lambda seconds: None

PROPS = {
    "ServiceToken": "arn:aws:lambda:eu-west-1:123456789012:function:f",
    "BucketName": "stack-logbucket",
    "KeyPrefix": "bedrock-logs",
    "LargeDataKeyPrefix": "bedrock-logs-large-data",
    "LogGroupName": "/aws/bedrock/stack/model-invocations",
    "RoleArn": "arn:aws:iam::123456789012:role/stack-BedrockLoggingRole",
}
SOMEONE_ELSES = {"s3Config": {"bucketName": "corporate-audit-logs", "keyPrefix": "bedrock"}}
OURS = {"s3Config": {"bucketName": "stack-logbucket", "keyPrefix": "bedrock-logs"}}


class Context:
    log_stream_name = "2026/11/22/[$LATEST]abc"


def run(kind, current, props=PROPS, old=None, failures=0, error="ValidationException"):
    bedrock.reset(current, failures, error)
    responses.clear()
    event = {
        "RequestType": kind,
        "ResponseURL": "https://cloudformation-custom-resource-response.example/callback",
        "StackId": "arn:aws:cloudformation:eu-west-1:123456789012:stack/stack/1",
        "RequestId": "req-1",
        "LogicalResourceId": "BedrockInvocationLogging",
        "ResourceType": "Custom::BedrockInvocationLogging",
        "ResourceProperties": props,
    }
    if old is not None:
        event["OldResourceProperties"] = old
    index.handler(event, Context())
    expect(len(responses) == 1, "exactly one response, got %d" % len(responses))
    method, url, body = responses[0]
    expect(method == "PUT" and url == event["ResponseURL"], "PUT to the ResponseURL")
    expect(body["RequestId"] == "req-1" and body["LogicalResourceId"] == "BedrockInvocationLogging", "echoes ids")
    expect(body["PhysicalResourceId"] == "bedrock-model-invocation-logging", "stable physical id")
    return body


def expect(condition, what):
    if not condition:
        raise AssertionError(what)


def case(name):
    def register(fn):
        fn()
        print("PASS " + name)
        return fn
    return register


@case("create configures S3 and CloudWatch delivery when nothing is configured")
def _():
    body = run("Create", None)
    expect(body["Status"] == "SUCCESS", body)
    expect(bedrock.calls == ["get", "put"], bedrock.calls)
    cfg = bedrock.current
    expect(cfg["s3Config"] == {"bucketName": "stack-logbucket", "keyPrefix": "bedrock-logs"}, cfg)
    cw = cfg["cloudWatchConfig"]
    expect(cw["logGroupName"] == PROPS["LogGroupName"] and cw["roleArn"] == PROPS["RoleArn"], cw)
    expect(cw["largeDataDeliveryS3Config"] == {"bucketName": "stack-logbucket", "keyPrefix": "bedrock-logs-large-data"}, cw)
    expect(cfg["textDataDeliveryEnabled"] is True, cfg)


@case("create refuses to overwrite someone else's logging configuration")
def _():
    body = run("Create", SOMEONE_ELSES)
    expect(body["Status"] == "FAILED", body)
    expect("already configured" in body["Reason"] and "corporate-audit-logs" in body["Reason"], body["Reason"])
    expect(bedrock.calls == ["get"], bedrock.calls)
    expect(bedrock.current == SOMEONE_ELSES, bedrock.current)


@case("create retries while Bedrock cannot yet validate the new role and bucket policy")
def _():
    body = run("Create", None, failures=3)
    expect(body["Status"] == "SUCCESS", body)
    expect(bedrock.calls == ["get", "put", "put", "put", "put"], bedrock.calls)


@case("create gives up on errors that retrying cannot fix")
def _():
    body = run("Create", None, failures=1, error="AccessDeniedException")
    expect(body["Status"] == "FAILED" and "AccessDeniedException" in body["Reason"], body)
    expect(bedrock.calls == ["get", "put"], bedrock.calls)


@case("update replaces the configuration this stack set before")
def _():
    old = dict(PROPS, BucketName="stack-oldbucket")
    body = run("Update", {"s3Config": {"bucketName": "stack-oldbucket"}}, old=old)
    expect(body["Status"] == "SUCCESS", body)
    expect(bedrock.current["s3Config"]["bucketName"] == "stack-logbucket", bedrock.current)


@case("delete removes the configuration when it is still this stack's")
def _():
    body = run("Delete", OURS)
    expect(body["Status"] == "SUCCESS", body)
    expect(bedrock.calls == ["get", "delete"] and bedrock.current is None, bedrock.calls)


@case("delete leaves a configuration someone changed since")
def _():
    body = run("Delete", SOMEONE_ELSES)
    expect(body["Status"] == "SUCCESS", body)
    expect(bedrock.calls == ["get"] and bedrock.current == SOMEONE_ELSES, bedrock.calls)
