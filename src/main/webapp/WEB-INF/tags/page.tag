<%@ tag pageEncoding="UTF-8" trimDirectiveWhitespaces="true" body-content="scriptless" %>
<%@ attribute name="title" required="true" %>
<%@ taglib prefix="c" uri="jakarta.tags.core" %>
<%@ taglib prefix="m" tagdir="/WEB-INF/tags" %>
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><c:out value="${title}"/> · Monocle admin</title>
<link rel="stylesheet" href="<c:out value='${pageContext.request.contextPath}'/>/admin/static/console.css">
</head>
<body>
<header class="bar">
  <a class="brand" href="<c:out value='${pageContext.request.contextPath}'/>/admin/dashboard">Monocle <span>admin</span></a>
  <c:if test="${console.signedIn()}">
    <nav aria-label="Sections">
      <m:nav path="/admin/dashboard" label="Dashboard"/>
      <m:nav path="/admin/tenants" label="Tenants"/>
      <m:nav path="/admin/users" label="Users"/>
      <m:nav path="/admin/role-review" label="Role review"/>
      <m:nav path="/admin/sessions" label="Sessions"/>
      <m:nav path="/admin/api-keys" label="API keys"/>
      <m:nav path="/admin/audit" label="Audit"/>
      <m:nav path="/admin/decoders" label="Decoders"/>
      <m:nav path="/admin/frames" label="Frames"/>
      <m:nav path="/admin/customers" label="Customers"/>
      <m:nav path="/admin/keys" label="Keys & retention"/>
    </nav>
    <m:form action="/admin/sign-out" css="who">
      <span><c:out value="${console.user()}"/> · <c:out value="${console.tenant()}"/></span>
      <button type="submit" class="link">Sign out</button>
    </m:form>
  </c:if>
</header>
<main>
<h1><c:out value="${title}"/></h1>
<c:if test="${not empty flash}">
  <div class="flash <c:out value='${flash.kind()}'/>" role="status" id="flash">
    <p><c:out value="${flash.text()}"/></p>
    <c:if test="${not empty flash.secret()}"><p><code class="secret" id="secret"><c:out value="${flash.secret()}"/></code></p></c:if>
    <c:if test="${not empty flash.lines()}">
      <ul><c:forEach var="line" items="${flash.lines()}"><li><code><c:out value="${line}"/></code></li></c:forEach></ul>
    </c:if>
  </div>
</c:if>
<jsp:doBody/>
</main>
</body>
</html>
