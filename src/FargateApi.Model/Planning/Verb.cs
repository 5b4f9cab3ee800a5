namespace FargateApi.Planning;

/// <summary>
/// What a step does to its resource. The executor dispatches on the resource and the verb only; the step's
/// <see cref="StepAction"/> is the label people read, and its <see cref="Step.Changes"/> say what an update moves.
/// </summary>
internal enum Verb
{
    /// <summary>Reads what the rest of the plan depends on (the network from SSM); changes nothing.</summary>
    Read,

    /// <summary>Makes the resource, or finds the one an earlier attempt made (by its ownership tags) and brings it in line.</summary>
    Create,

    /// <summary>Changes an existing resource of ours: exactly the fields in <see cref="Step.Changes"/>.</summary>
    Update,

    /// <summary>Removes the resource if it exists and is ours; one already gone is done.</summary>
    Delete,

    /// <summary>Polls until the resource reaches a state (<see cref="Step.Until"/>), fails, or the wait must go on later.</summary>
    Wait,

    /// <summary>Adds and removes tags (<see cref="Step.Changes"/> holds the tag fields that moved).</summary>
    Tag,
}
