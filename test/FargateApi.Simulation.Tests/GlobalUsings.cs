global using FargateApi.Simulation.Tests.Support;
