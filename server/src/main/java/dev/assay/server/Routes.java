package dev.assay.server;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Macie2 operations this server answers, by HTTP method and path template, as the API model's
 * {@code http} traits give them. Labels ({@code {id}}) match one path segment and are URL-decoded.
 * Immutable.
 */
final class Routes {
  private Routes() {}

  record Route(String method, String template, String operation) {
    String[] segments() {
      return template.substring(1).split("/", -1);
    }
  }

  record Match(Route route, Map<String, String> labels) {}

  static final List<Route> ALL =
      List.of(
          new Route("POST", "/macie", "EnableMacie"),
          new Route("GET", "/macie", "GetMacieSession"),
          new Route("PATCH", "/macie", "UpdateMacieSession"),
          new Route("DELETE", "/macie", "DisableMacie"),
          new Route(
              "GET", "/automated-discovery/configuration", "GetAutomatedDiscoveryConfiguration"),
          new Route(
              "PUT", "/automated-discovery/configuration", "UpdateAutomatedDiscoveryConfiguration"),
          new Route("POST", "/custom-data-identifiers", "CreateCustomDataIdentifier"),
          new Route("GET", "/custom-data-identifiers/{id}", "GetCustomDataIdentifier"),
          new Route("POST", "/custom-data-identifiers/list", "ListCustomDataIdentifiers"),
          new Route("POST", "/custom-data-identifiers/get", "BatchGetCustomDataIdentifiers"),
          new Route("DELETE", "/custom-data-identifiers/{id}", "DeleteCustomDataIdentifier"),
          new Route("POST", "/custom-data-identifiers/test", "TestCustomDataIdentifier"),
          new Route("POST", "/allow-lists", "CreateAllowList"),
          new Route("GET", "/allow-lists/{id}", "GetAllowList"),
          new Route("GET", "/allow-lists", "ListAllowLists"),
          new Route("PUT", "/allow-lists/{id}", "UpdateAllowList"),
          new Route("DELETE", "/allow-lists/{id}", "DeleteAllowList"),
          new Route("POST", "/managed-data-identifiers/list", "ListManagedDataIdentifiers"),
          new Route("POST", "/jobs", "CreateClassificationJob"),
          new Route("GET", "/jobs/{jobId}", "DescribeClassificationJob"),
          new Route("POST", "/jobs/list", "ListClassificationJobs"),
          new Route("PATCH", "/jobs/{jobId}", "UpdateClassificationJob"),
          new Route("POST", "/findings", "ListFindings"),
          new Route("POST", "/findings/describe", "GetFindings"),
          new Route("POST", "/findings/statistics", "GetFindingStatistics"),
          new Route("POST", "/findingsfilters", "CreateFindingsFilter"),
          new Route("GET", "/findingsfilters/{id}", "GetFindingsFilter"),
          new Route("GET", "/findingsfilters", "ListFindingsFilters"),
          new Route("PATCH", "/findingsfilters/{id}", "UpdateFindingsFilter"),
          new Route("DELETE", "/findingsfilters/{id}", "DeleteFindingsFilter"),
          new Route(
              "PUT",
              "/classification-export-configuration",
              "PutClassificationExportConfiguration"),
          new Route(
              "GET",
              "/classification-export-configuration",
              "GetClassificationExportConfiguration"),
          new Route("POST", "/usage/statistics", "GetUsageStatistics"),
          new Route("GET", "/usage", "GetUsageTotals"),
          new Route("POST", "/admin", "EnableOrganizationAdminAccount"),
          new Route("DELETE", "/admin", "DisableOrganizationAdminAccount"),
          new Route("GET", "/admin", "ListOrganizationAdminAccounts"),
          new Route("GET", "/admin/configuration", "DescribeOrganizationConfiguration"),
          new Route("PATCH", "/admin/configuration", "UpdateOrganizationConfiguration"),
          new Route("POST", "/members", "CreateMember"),
          new Route("GET", "/members/{id}", "GetMember"),
          new Route("GET", "/members", "ListMembers"),
          new Route("DELETE", "/members/{id}", "DeleteMember"),
          new Route("POST", "/members/disassociate/{id}", "DisassociateMember"),
          new Route("POST", "/tags/{resourceArn}", "TagResource"),
          new Route("DELETE", "/tags/{resourceArn}", "UntagResource"),
          new Route("GET", "/tags/{resourceArn}", "ListTagsForResource"),
          new Route(
              "GET", "/findings-publication-configuration", "GetFindingsPublicationConfiguration"),
          new Route(
              "PUT", "/findings-publication-configuration", "PutFindingsPublicationConfiguration"),
          new Route("GET", "/administrator", "GetAdministratorAccount"),
          new Route("GET", "/master", "GetMasterAccount"),
          new Route("PATCH", "/macie/members/{id}", "UpdateMemberSession"),
          new Route("POST", "/invitations", "CreateInvitations"),
          new Route("POST", "/datasources/s3", "DescribeBuckets"),
          new Route("POST", "/datasources/s3/statistics", "GetBucketStatistics"),
          new Route("POST", "/datasources/search-resources", "SearchResources"),
          new Route("GET", "/resource-profiles", "GetResourceProfile"),
          new Route("PATCH", "/resource-profiles", "UpdateResourceProfile"),
          new Route("GET", "/resource-profiles/detections", "ListResourceProfileDetections"),
          new Route("PATCH", "/resource-profiles/detections", "UpdateResourceProfileDetections"),
          new Route("GET", "/resource-profiles/artifacts", "ListResourceProfileArtifacts"),
          new Route(
              "GET", "/templates/sensitivity-inspections/{id}", "GetSensitivityInspectionTemplate"),
          new Route(
              "PUT",
              "/templates/sensitivity-inspections/{id}",
              "UpdateSensitivityInspectionTemplate"),
          new Route(
              "GET", "/templates/sensitivity-inspections", "ListSensitivityInspectionTemplates"),
          new Route("GET", "/classification-scopes/{id}", "GetClassificationScope"),
          new Route("PATCH", "/classification-scopes/{id}", "UpdateClassificationScope"),
          new Route("GET", "/classification-scopes", "ListClassificationScopes"));

  /** The route for a request, or null; {@code rawPath} is still URL-encoded. */
  static Match find(String method, String rawPath) {
    String path =
        rawPath.length() > 1 && rawPath.endsWith("/")
            ? rawPath.substring(0, rawPath.length() - 1)
            : rawPath;
    String[] parts = path.startsWith("/") ? path.substring(1).split("/", -1) : path.split("/", -1);
    for (Route r : ALL) {
      if (!r.method().equals(method)) {
        continue;
      }
      String[] t = r.segments();
      if (t.length != parts.length) {
        continue;
      }
      Map<String, String> labels = new LinkedHashMap<>();
      boolean ok = true;
      for (int i = 0; i < t.length && ok; i++) {
        if (t[i].startsWith("{")) {
          labels.put(t[i].substring(1, t[i].length() - 1), MacieServer.decode(parts[i]));
        } else {
          ok = t[i].equals(parts[i]);
        }
      }
      if (ok) {
        return new Match(r, labels);
      }
    }
    return null;
  }
}
