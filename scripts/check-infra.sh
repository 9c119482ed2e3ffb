#!/usr/bin/env bash
# Checks the deployable template, infra/template.yaml, and fails on any finding:
#   1. cfn-lint: no errors and no warnings;
#   2. checkov: 0 failed checks (every skip carries its reason inline in the template);
#   both on the template as shipped (defaults) and on a variant with every optional resource
#   switched on (HTTP API, alarm topic, silence alarms, KMS statement), because both tools
#   evaluate conditions with the parameter defaults and would otherwise never see them;
#   3. template and code agree: environment names, secret keys, metric namespace/names,
#   platform dimension values and webhook routes in the template exist in src/, and every
#   DynamoDB/SQS/Secrets Manager call in src/ is allowed by FunctionRole (the emulators used
#   by the integration tests do not enforce IAM), and the log lines infra/README.md tells
#   on-call to search for are still logged.
# Works standalone: creates .venv/infra from scripts/requirements-infra.txt when missing.
#
#   scripts/check-infra.sh
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
VENV=.venv/infra
REQ=scripts/requirements-infra.txt
TEMPLATE=infra/template.yaml

if [ ! -x "$VENV/bin/python" ]; then "$PY" -m venv "$VENV"; fi
if ! cmp -s "$REQ" "$VENV/.installed" 2>/dev/null; then
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQ"
  cp "$REQ" "$VENV/.installed"
fi

# Keep the variant next to the template so relative paths (CodeUri) mean the same thing.
VARIANT=infra/.check-all-features.yaml
trap 'rm -f "$VARIANT"' EXIT

"$VENV/bin/python" - "$TEMPLATE" "$VARIANT" <<'EOF'
import re, sys
src, dst = sys.argv[1], sys.argv[2]
text = open(src).read()
overrides = {
    "EnableHttpApi": '"true"',
    "AlarmEmail": "on-call@example.com",
    "SilentHoursX": "6",
    "SilentHoursMeta": "6",
    "SilentHoursGeneric": "24",
    "SilentHoursLinkedin": "24",
    "ExistingSecretKmsKeyArn": '"arn:aws:kms:us-east-1:111122223333:key/00000000-0000-0000-0000-000000000000"',
}
for name, value in overrides.items():
    pattern = re.compile(r"(^  %s:\n(?:    .*\n)*?    Default: ).*$" % re.escape(name), re.M)
    text, n = pattern.subn(lambda m: m.group(1) + value, text, count=1)
    if n != 1:
        sys.exit(f"check-infra: parameter {name} with a Default not found in {src}")
open(dst, "w").write(text)
EOF

fail=0
for t in "$TEMPLATE" "$VARIANT"; do
  echo "-- cfn-lint $t"
  "$VENV/bin/cfn-lint" -- "$t" || fail=1
  echo "-- checkov -f $t"
  "$VENV/bin/checkov" -f "$t" --compact --skip-download --quiet || fail=1
done

echo "-- template and code agree"
"$VENV/bin/python" - "$TEMPLATE" <<'EOF' || fail=1
import json, pathlib, re, sys
import yaml

class CfnLoader(yaml.SafeLoader):
    pass
def _tag(loader, suffix, node):
    # Short forms (!If, !Sub...) become their long forms ({"Fn::If": ...}), as CloudFormation reads them.
    name = suffix if suffix in ("Ref", "Condition") else "Fn::" + suffix
    if isinstance(node, yaml.ScalarNode):
        return {name: loader.construct_scalar(node)}
    if isinstance(node, yaml.SequenceNode):
        return {name: loader.construct_sequence(node, deep=True)}
    return {name: loader.construct_mapping(node, deep=True)}
CfnLoader.add_multi_constructor("!", _tag)

tpl = yaml.load(open(sys.argv[1]), Loader=CfnLoader)
res = tpl["Resources"]
src = {p: p.read_text() for p in pathlib.Path("src").rglob("*.rs")}
everywhere = "\n".join(src.values())
config = pathlib.Path("src/config.rs").read_text()
telemetry = pathlib.Path("src/telemetry.rs").read_text()
problems = []

# Environment names: every TRIAGE_* the template sets is read by the code, and every
# TRIAGE_* the code reads is set by the template (except the CLI-only data directory).
env = res["WebhookFunction"]["Properties"]["Environment"]["Variables"]
for name in env:
    if name.startswith("TRIAGE_") and f'"{name}"' not in config:
        problems.append(f"template sets {name}, which src/config.rs never reads")
for name in sorted(set(re.findall(r'"(TRIAGE_[A-Z_]+)"', config))):
    if name not in env and name != "TRIAGE_DATA_DIR":
        problems.append(f"src/config.rs reads {name}, which the template does not set")
for required in ("TRIAGE_TABLE", "TRIAGE_QUEUE_URL", "TRIAGE_SECRETS_ID"):
    if required not in env:
        problems.append(f"template does not set {required}")

# Secret keys: every key of the created secret is one the code takes from TRIAGE_SECRETS_ID.
m = re.search(r"SECRET_VARS[^=]*=\s*\[(.*?)\]", config, re.S)
code_keys = set(re.findall(r'"([A-Z_]+)"', m.group(1))) if m else set()
gen = res["WebhookSecrets"]["Properties"]["GenerateSecretString"]
tpl_keys = set(json.loads(gen["SecretStringTemplate"])) | {gen["GenerateStringKey"]}
for key in sorted(tpl_keys - code_keys):
    problems.append(f"secret key {key} is not in config::SECRET_VARS: the function would ignore it")
for key in sorted(code_keys - tpl_keys):
    problems.append(f"config::SECRET_VARS has {key}, which the created secret lacks")

# Metrics: namespace, names and Platform values used by alarms are what the code emits.
ns = re.search(r'NAMESPACE: &str = "([^"]+)"', telemetry)
ns = ns.group(1) if ns else None
def metrics(props):
    if "MetricName" in props:
        yield props["Namespace"], props["MetricName"], props.get("Dimensions", [])
    for q in props.get("Metrics", []):
        if "MetricStat" in q:
            m = q["MetricStat"]["Metric"]
            yield m["Namespace"], m["MetricName"], m.get("Dimensions", [])
for lid, r in res.items():
    if r["Type"] != "AWS::CloudWatch::Alarm":
        continue
    for namespace, name, dims in metrics(r["Properties"]):
        if namespace.startswith("AWS/"):
            continue
        if namespace != ns:
            problems.append(f"{lid}: namespace {namespace} is not telemetry::NAMESPACE ({ns})")
        if f'"{name}"' not in telemetry:
            problems.append(f"{lid}: metric {name} is not emitted by src/telemetry.rs")
        for d in dims:
            if d["Name"] != "Platform":
                problems.append(f"{lid}: dimension {d['Name']} is not emitted (only Platform)")
            elif f'"{d["Value"]}"' not in everywhere:
                problems.append(f"{lid}: Platform={d['Value']} never appears in src/")

# IAM: every AWS call in src/ is allowed by FunctionRole. The emulators the integration tests
# use do not enforce IAM, so a missing action would only show in production (AccessDenied).
calls = {
    "aws_sdk_dynamodb": ("dynamodb", {
        "get_item": ["GetItem"], "put_item": ["PutItem"], "update_item": ["UpdateItem"],
        "delete_item": ["DeleteItem"], "query": ["Query"], "scan": ["Scan"],
        "batch_get_item": ["BatchGetItem"], "batch_write_item": ["BatchWriteItem"],
        "transact_get_items": ["GetItem"], "describe_table": ["DescribeTable"],
        "list_tables": ["ListTables"], "Put::builder": ["PutItem"],
        "Update::builder": ["UpdateItem"], "Delete::builder": ["DeleteItem"],
        "ConditionCheck::builder": ["ConditionCheckItem"],
    }),
    "aws_sdk_sqs": ("sqs", {
        "send_message": ["SendMessage"], "send_message_batch": ["SendMessage"],
        "receive_message": ["ReceiveMessage"], "delete_message": ["DeleteMessage"],
        "get_queue_attributes": ["GetQueueAttributes"], "get_queue_url": ["GetQueueUrl"],
    }),
    "aws_sdk_secretsmanager": ("secretsmanager", {
        "get_secret_value": ["GetSecretValue"], "describe_secret": ["DescribeSecret"],
    }),
}
granted = set()
for st in res["FunctionRole"]["Properties"]["Policies"][0]["PolicyDocument"]["Statement"]:
    if isinstance(st, dict) and "Fn::If" in st:
        st = st["Fn::If"][1]
    acts = st.get("Action", [])
    granted |= set([acts] if isinstance(acts, str) else acts)
needed = {}
for path, text in src.items():
    for crate, (service, methods) in calls.items():
        if crate not in text:
            continue
        for method, actions in methods.items():
            pat = (r"\b%s\(\)" % re.escape(method)) if "::" in method else (r"\.%s\(\)" % method)
            if re.search(pat, text):
                for a in actions:
                    needed.setdefault(f"{service}:{a}", set()).add(str(path))
for action, where in sorted(needed.items()):
    if action not in granted:
        problems.append(f"{', '.join(sorted(where))} calls {action}, which FunctionRole does not allow")
unused = sorted(a for a in granted if a not in needed and not a.startswith(("logs:", "kms:")))
if unused:
    print("  note: FunctionRole allows actions no code calls yet:", ", ".join(unused))

# Routes: every webhook URL the template outputs is a route the code serves.
for lid, out in tpl.get("Outputs", {}).items():
    for route in re.findall(r"webhooks/[a-z0-9_-]+", json.dumps(out.get("Value"))):
        if f"/{route}" not in everywhere:
            problems.append(f"output {lid}: /{route} is not a route in src/")

# Runbook: the log lines infra/README.md tells on-call to search for are still logged.
for phrase in ("webhook route enabled", "no secret configured", "cold start failed",
               "answering 503", "refused unauthenticated request"):
    if phrase not in everywhere:
        problems.append(f'infra/README.md tells operators to search logs for "{phrase}", which src/ no longer logs')

for p in problems:
    print("  MISMATCH", p)
if problems:
    sys.exit(1)
print(f"  ok: {len(env)} environment names, {len(tpl_keys)} secret keys, metrics and routes")
EOF

if [ $fail != 0 ]; then
  echo "check-infra: FAILED" >&2
  exit 1
fi
echo "check-infra: template clean (cfn-lint, checkov) and in agreement with src/"
