"""Runs moto_server (the same entry point as the `moto_server` command, same arguments) with five fidelity fixes,
each where moto 5.2.1 contradicts AWS's documented behaviour that the provider relies on. Nothing else is changed;
remove a fix once moto behaves as documented.

1. moto 5.2.1's ELBv2 SetRulePriorities checks every requested priority against the listener's priorities *before* the
call, so swapping two rules' priorities in one call fails with PriorityInUse (moto/elbv2/models.py,
ELBv2Backend.set_rule_priorities). AWS documents the opposite: "You can reorder the rules as long as there are no
priority conflicts in the new order. Any existing rules that you do not specify retain their current priority."
(https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SetRulePriorities.html). The provider's
replacement swaps the old and new generation's rules in one call, so the fix checks the new order instead.

2. moto 5.2.1's Application Auto Scaling DeregisterScalableTarget removes only the target and keeps its scaling
policies (moto/applicationautoscaling/models.py, deregister_scalable_target). AWS: "Deregistering a scalable target
deletes the scaling policies and the scheduled actions that are associated with it."
(https://docs.aws.amazon.com/autoscaling/application/APIReference/API_DeregisterScalableTarget.html). The provider's
Delete deregisters the target and relies on that, so the fix deletes the target's policies and scheduled actions too.

3. With request authentication on, moto 5.2.1's server checks the SigV4 signature of a form-encoded (query protocol)
request against the parameters re-encoded by botocore, not against the bytes received: Flask has consumed the body
into request.form, so BaseResponse.raw_body is empty (moto/core/responses.py setup_class) and IAMRequestBase signs
`self._data` (moto/iam/access_control.py _create_aws_request). A body that encodes a space as %20 (RFC 3986, the
percent-encoding SigV4 itself uses) instead of botocore's '+' then fails with SignatureDoesNotMatch although AWS, which hashes the
payload as sent (https://docs.aws.amazon.com/IAM/latest/UserGuide/create-signed-request.html, "HashedPayload"),
accepts it. The fix keeps the received bytes for the check.

4. moto 5.2.1's DeregisterScalableTarget of a target that does not exist raises ValidationException; AWS raises
ObjectNotFoundException ("For any operation that deletes or deregisters a resource, this exception is thrown if the
resource cannot be found", https://docs.aws.amazon.com/autoscaling/application/APIReference/API_DeregisterScalableTarget.html).
The provider's Delete treats ObjectNotFoundException as already deleted.

5. ECS registers each task a load-balanced service runs with the service's target groups and deregisters it when the
task stops ("Amazon ECS automatically registers and deregisters the tasks from the target group",
https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-load-balancing.html). moto 5.2.1 runs no tasks and
registers nothing (moto/ecs/models.py create_service, update_service), so a target group behind a service it reports
running never has a target, and DescribeTargetHealth never shows the healthy targets the provider waits for before it
moves traffic. The fix keeps each load-balanced service's registered targets equal to the running count moto reports
for it (ip targets on the container port, none once the service is deleted)."""
import sys

from moto.applicationautoscaling.models import ApplicationAutoscalingBackend
from moto.core.exceptions import JsonRESTError
from moto.core.responses import BaseResponse
from moto.ecs.models import EC2ContainerServiceBackend
from moto.elbv2.exceptions import DuplicatePriorityError, PriorityInUseError, RuleNotFoundError
from moto.elbv2.models import ELBv2Backend, elbv2_backends
from moto.server import main


def set_rule_priorities_checking_the_new_order(self, rule_priorities):
    priorities = [pair["Priority"] for pair in rule_priorities]
    for priority in set(priorities):
        if priorities.count(priority) > 1:
            raise DuplicatePriorityError(priority)
    requested = []
    for pair in rule_priorities:
        rules = self.describe_rules(listener_arn=None, rule_arns=[pair["RuleArn"]])
        if not rules:
            raise RuleNotFoundError()
        requested.append((rules[0], pair["Priority"]))
    moved = {rule.arn for rule, _ in requested}
    for rule, priority in requested:
        listener = self.describe_listeners(None, [rule.listener_arn])[0]
        if any(other.arn not in moved and other.priority == priority for other in listener.rules.values()):
            raise PriorityInUseError()
    for rule, priority in requested:
        rule.priority = priority
    return [rule for rule, _ in requested]


original_deregister_scalable_target = ApplicationAutoscalingBackend.deregister_scalable_target


def deregister_scalable_target_with_its_policies(self, namespace, r_id, dimension):
    if not self._scalable_target_exists(r_id, dimension):
        raise JsonRESTError(
            "ObjectNotFoundException",
            f"No scalable target found for service namespace: {namespace}, resource ID: {r_id}, scalable dimension: {dimension}",
        )
    original_deregister_scalable_target(self, namespace, r_id, dimension)
    for key, policy in list(self.policies.items()):
        if (policy.service_namespace, policy.resource_id, policy.scalable_dimension) == (namespace, r_id, dimension):
            policy.delete_alarms(self.account_id, self.region_name)
            del self.policies[key]
    self.scheduled_actions = [
        action
        for action in self.scheduled_actions
        if (action.service_namespace, action.resource_id, action.scalable_dimension) != (namespace, r_id, dimension)
    ]


original_setup_class = BaseResponse.setup_class


def setup_class_keeping_the_received_body(self, request, full_url, headers, use_raw_body=False):
    # werkzeug caches what get_data reads and parses request.form from that cache afterwards.
    received = request.get_data(cache=True) if hasattr(request, "get_data") and not hasattr(request, "body") else b""
    original_setup_class(self, request, full_url, headers, use_raw_body)
    if received and not self.raw_body:
        self.raw_body = received


def register_running_tasks(ecs, service, running):
    backend = elbv2_backends[ecs.account_id][ecs.region_name]
    for load_balancer in service.load_balancers:
        target_group = backend.target_groups.get(load_balancer.get("targetGroupArn"))
        if target_group is None:
            continue
        tasks = [{"Id": f"10.{n // 250}.{n % 250}.1", "Port": load_balancer["containerPort"]} for n in range(running)]
        target_group.deregister([target for target in target_group.targets.values() if target not in tasks])
        target_group.register(tasks)


original_create_service = EC2ContainerServiceBackend.create_service
original_update_service = EC2ContainerServiceBackend.update_service
original_delete_service = EC2ContainerServiceBackend.delete_service


def create_service_registering_its_tasks(self, *args, **kwargs):
    service = original_create_service(self, *args, **kwargs)
    register_running_tasks(self, service, service.running_count)
    return service


def update_service_registering_its_tasks(self, service_properties):
    service = original_update_service(self, service_properties)
    register_running_tasks(self, service, service.running_count)
    return service


def delete_service_deregistering_its_tasks(self, cluster_name, service_name, force):
    service = original_delete_service(self, cluster_name, service_name, force)
    register_running_tasks(self, service, 0)
    return service


EC2ContainerServiceBackend.create_service = create_service_registering_its_tasks
EC2ContainerServiceBackend.update_service = update_service_registering_its_tasks
EC2ContainerServiceBackend.delete_service = delete_service_deregistering_its_tasks
ELBv2Backend.set_rule_priorities = set_rule_priorities_checking_the_new_order
BaseResponse.setup_class = setup_class_keeping_the_received_body
ApplicationAutoscalingBackend.deregister_scalable_target = deregister_scalable_target_with_its_policies

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
