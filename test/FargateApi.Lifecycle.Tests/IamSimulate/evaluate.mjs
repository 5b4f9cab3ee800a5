// Evaluates IAM requests with @cloud-copilot/iam-simulate, an evaluator independent of the simulation's: reads
// {principal, accountId, policies: [{name, document, boundary?}], requests: [{action, resource, context}]} from the file
// named on the command line (boundary: a permissions boundary on the principal, besides its identity policy document),
// writes one line of JSON per policy and request: {policy, request, result} where result is Allowed,
// ImplicitlyDenied, ExplicitlyDenied, or "error: ..." when iam-simulate refuses the request (its validation of actions,
// resource types and context keys from the Service Authorization Reference).
import { readFileSync } from 'node:fs'
import { runSimulation } from '@cloud-copilot/iam-simulate'

const input = JSON.parse(readFileSync(process.argv[2], 'utf8'))
for (const [p, policy] of input.policies.entries()) {
  for (const [r, request] of input.requests.entries()) {
    const simulation = {
      identityPolicies: [{ name: policy.name, policy: policy.document }],
      ...(policy.boundary && { permissionBoundaryPolicies: [{ name: `${policy.name} boundary`, policy: policy.boundary }] }),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      request: {
        principal: input.principal,
        action: request.action,
        resource: { resource: request.resource, accountId: input.accountId },
        contextVariables: request.context
      }
    }
    let result
    try {
      const response = await runSimulation(simulation, {})
      result = response.resultType === 'error' ? `error: ${JSON.stringify(response.errors)}` : response.overallResult
    } catch (error) {
      result = `error: ${error.message}`
    }
    process.stdout.write(JSON.stringify({ policy: p, request: r, result }) + '\n')
  }
}
